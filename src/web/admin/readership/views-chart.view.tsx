import type { DailyViews } from '../../../ports/readership.js';
import type { Language } from '../../../domain/language.js';
import { LOCALES } from '../../i18n/messages.js';

const WIDTH = 720;
const HEIGHT = 260;
const PAD = { top: 16, right: 16, bottom: 36, left: 52 };

const dayFormats = new Map<Language, Intl.DateTimeFormat>();
/** "4/12" in English, "12. 4." in Korean: a day on the chart's axis and in its table. */
export function shortDay(day: string, lang: Language): string {
  let f = dayFormats.get(lang);
  if (!f) dayFormats.set(lang, (f = new Intl.DateTimeFormat(LOCALES[lang], { timeZone: 'UTC', month: 'numeric', day: 'numeric' })));
  return f.format(new Date(`${day}T00:00:00Z`));
}

/** A round top for the scale (1, 2 or 5 times a power of ten) at least `max`. */
function niceCeiling(max: number): number {
  if (max <= 5) return 5;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

/**
 * Views per day as a bar chart drawn on the server (#16): plain SVG, no script, no library. It is
 * one image to assistive technology (role=img, named by its <title> and <desc>); the numbers
 * themselves are in the table the page puts beside it.
 */
export function ViewsChart(props: { days: DailyViews[]; title: string; description: string; lang: Language; idPrefix: string }) {
  const { days } = props;
  const top = niceCeiling(Math.max(0, ...days.map((d) => d.views)));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, days.length);
  const barW = Math.max(1, slot * 0.7);
  const y = (v: number) => PAD.top + plotH - (v / top) * plotH;
  // At most about eight day labels, always the first and the last.
  const every = Math.max(1, Math.ceil(days.length / 8));
  const labelled = (i: number) => i === days.length - 1 || (i % every === 0 && days.length - 1 - i >= every / 2);
  const titleId = `${props.idPrefix}-title`;
  const descId = `${props.idPrefix}-desc`;
  return (
    <svg xmlns="http://www.w3.org/2000/svg" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${titleId} ${descId}`} font-family="system-ui, sans-serif" font-size="12">
      <title id={titleId}>{props.title}</title>
      <desc id={descId}>{props.description}</desc>
      {[0, top / 2, top].map((v) => (
        <g key={`grid-${v}`}>
          <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(v)} y2={y(v)} stroke={v === 0 ? '#1f2933' : '#c8ced6'} stroke-width="1" />
          <text x={PAD.left - 6} y={y(v) + 4} text-anchor="end" fill="#1f2933">
            {new Intl.NumberFormat(LOCALES[props.lang]).format(v)}
          </text>
        </g>
      ))}
      {days.map((d, i) => {
        const x = PAD.left + i * slot + (slot - barW) / 2;
        return (
          <g key={d.day}>
            {d.views > 0 && <rect x={x.toFixed(1)} y={y(d.views).toFixed(1)} width={barW.toFixed(1)} height={(PAD.top + plotH - y(d.views)).toFixed(1)} fill="#1d4ed8" />}
            {labelled(i) && (
              <text x={(x + barW / 2).toFixed(1)} y={HEIGHT - PAD.bottom + 18} text-anchor="middle" fill="#1f2933">
                {shortDay(d.day, props.lang)}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
