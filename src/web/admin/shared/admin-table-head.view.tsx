/**
 * The heading row of an admin table: one column heading per label, and optionally a last column for
 * row actions whose heading only screen readers hear.
 */
export function AdminTableHead(props: { columns: string[]; actions?: string }) {
  return (
    <thead>
      <tr>
        {props.columns.map((label) => (
          <th scope="col" key={label}>
            {label}
          </th>
        ))}
        {props.actions !== undefined && (
          <th scope="col">
            <span class="visually-hidden">{props.actions}</span>
          </th>
        )}
      </tr>
    </thead>
  );
}
