// Pages whose titles, text and file names carry markup and script: the app, the element and
// the single file must show all of it as text. Built into bundles by the tests themselves.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The strings that must never become markup. */
export const HOSTILE = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', 'javascript:alert(1)', '</textarea>'];

/** Write the hostile pages into `dir` (file names cannot hold `/`, so `</textarea>` is only inside). */
export async function writeHostilePages(dir) {
  await mkdir(dir, { recursive: true });
  const pages = {
    '<img src=x onerror=alert(1)>.txt': [
      '---',
      'title: <script>alert(1)</script>社工站开展反诈骗宣传培训',
      'url: javascript:alert(1)',
      'date: 2024-09-20',
      'region: 上海市 > 上海市 > 闵行区',
      '---',
      '闵行区社工站组织社工开展反诈骗宣传培训<img src=x onerror=alert(1)>，为辖区老人讲解常见骗局。</textarea><script>alert(1)</script>',
      '社工站负责人说，培训后将入户走访独居老人。点击<a href="javascript:alert(1)">这里</a>报名。',
    ],
    'javascript:alert(1).txt': [
      '---',
      'title: </textarea><img src=x onerror=alert(1)>社区社工站为老服务',
      'date: 2024-08-15',
      'region: 四川省 > 成都市 > 成华区',
      '---',
      '成华区社区社工站为老人提供上门服务javascript:alert(1)，志愿者陪伴独居老人<script>alert(1)</script>。',
    ],
    '=HYPERLINK(1).txt': [
      '---',
      'title: =HYPERLINK("http://x","点我")社工站招募志愿者',
      'date: 2024-07-01',
      'region: 广东省 > 广州市 > 天河区',
      '---',
      '@SUM(1+1) 天河区社工站招募志愿者，参与社区为老服务和青少年活动。',
    ],
  };
  for (const [name, lines] of Object.entries(pages)) await writeFile(join(dir, name), `${lines.join('\n')}\n`);
  return dir;
}

/**
 * In the page: elements that hostile strings would have made, anywhere in the document or
 * its open shadow roots. An empty list is the right answer.
 */
export function injected() {
  const found = [];
  const visit = (root) => {
    for (const el of root.querySelectorAll('*')) {
      const tag = el.localName;
      if (tag === 'img' && el.getAttribute('src') === 'x') found.push('img[src=x]');
      if (tag === 'textarea') found.push('textarea');
      if (tag === 'script' && el.textContent.includes('alert(1)')) found.push('script with alert(1)');
      if (el.hasAttribute('onerror')) found.push(`${tag}[onerror]`);
      if (tag === 'a' && /^\s*javascript:/i.test(el.getAttribute('href') ?? '')) found.push('a[href=javascript:]');
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  visit(document);
  return found;
}
