import type { Language } from '../../domain/language.js';

/**
 * Why an attachment has no (or only a partial) text view, in the reader's language. The extractors
 * (src/adapters/text/) store their reason as an English sentence, which the audit trail and logs
 * keep; Korean pages show it through this table. A reason not in the table is shown as stored.
 */
const KOREAN: ReadonlyArray<readonly [RegExp, (m: RegExpExecArray) => string]> = [
  [/^files of type (.+) have no text view$/, (m) => `${m[1]} 형식 파일은 본문 보기를 만들지 않습니다`],
  [/^reading it took longer than the time limit$/, () => '읽는 데 제한 시간보다 오래 걸렸습니다'],
  [/^reading it needed more memory than the reader may use$/, () => '읽는 데 허용된 것보다 많은 메모리가 필요했습니다'],
  [/^it holds no text \(a scanned image, or empty\)$/, () => '글자가 없습니다(스캔한 이미지이거나 빈 문서)'],
  [/^it is encrypted \(password protected\)$/, () => '암호가 걸려 있습니다'],
  [/^it is not a readable PDF \(damaged or incomplete\)$/, () => '읽을 수 있는 PDF가 아닙니다(손상되었거나 일부만 있음)'],
  [/^it could not be read as a PDF \((.*)\)$/s, (m) => `PDF로 읽을 수 없었습니다(${m[1]})`],
  [/^it is not a readable zip file \(damaged or incomplete\)$/, () => '읽을 수 있는 압축 파일이 아닙니다(손상되었거나 일부만 있음)'],
  [/^it holds (\d+) parts, more than the (\d+) read$/, (m) => `구성 요소가 ${m[1]}개로, 읽는 한도 ${m[2]}개를 넘습니다`],
  [/^its parts unpack to more than (\d+) bytes \(more than they declare\)$/, (m) => `압축을 풀면 ${m[1]}바이트를 넘습니다(적힌 크기보다 큼)`],
  [/^its parts unpack to more than (\d+) bytes$/, (m) => `압축을 풀면 ${m[1]}바이트를 넘습니다`],
  [/^its part (.+) is damaged$/, (m) => `구성 요소 ${m[1]}이(가) 손상되었습니다`],
  [/^its part (.+) is not well-formed XML$/, (m) => `구성 요소 ${m[1]}의 XML이 올바르지 않습니다`],
  [/^it is not a readable HWP file \(damaged compound file\)$/, () => '읽을 수 있는 한글(HWP) 파일이 아닙니다(복합 파일 손상)'],
  [/^it is not an HWP 5 file \(no compound-file signature\)$/, () => '한글 5 파일이 아닙니다(복합 파일 서명 없음)'],
  [/^it is not an HWP 5 document \(no HWP file header\)$/, () => '한글 5 문서가 아닙니다(HWP 파일 머리글 없음)'],
  [/^it has no preview text \(HWP 5 binary documents are read from their preview text only\)$/, () => '미리 보기 글이 없습니다(한글 5 바이너리 문서는 미리 보기 글만 읽습니다)'],
  [/^it is not an HWPX document \(no Contents\/section0\.xml\)$/, () => '한글(HWPX) 문서가 아닙니다(Contents/section0.xml 없음)'],
  [/^it is not a Word document \(no word\/document\.xml\)$/, () => '워드 문서가 아닙니다(word/document.xml 없음)'],
  [/^it could not be read as a Word document \((.*)\)$/s, (m) => `워드 문서로 읽을 수 없었습니다(${m[1]})`],
  [/^it could not be read \((.*)\)$/s, (m) => `읽을 수 없었습니다(${m[1]})`],
  [/^text cut at ([\d,]+) characters$/, (m) => `${m[1]}자에서 잘랐습니다`],
  [/^first (\d+) of (\d+) pages$/, (m) => `전체 ${m[2]}쪽 중 앞 ${m[1]}쪽만 담았습니다`],
  [/^preview text only: HWP 5 binary documents are not read in full; download the original for the complete text$/, () => '미리 보기 글만 담았습니다. 한글 5 바이너리 문서는 전체를 읽지 않으니, 전체 내용은 원본 파일을 내려받아 보십시오'],
];

/** A stored extraction reason worded for `language` (English as stored; Korean through the table above). */
export function extractionReason(reason: string, language: Language): string {
  if (language !== 'ko') return reason;
  for (const [pattern, korean] of KOREAN) {
    const m = pattern.exec(reason);
    if (m) return korean(m);
  }
  return reason;
}
