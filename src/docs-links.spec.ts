import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository explains itself: README.md and docs/ link only to files that exist in it, and nothing in them
 * points to material outside it. When files move (src/ is restructured now and then), this names every link to
 * update.
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

const FILES = [join(ROOT, 'README.md'), ...markdownFiles(join(ROOT, 'docs'))];

/** The folder beside the repository that the README once pointed to; spelt in pieces so this file never matches. */
const OUTSIDE = ['..', 'shared'].join('/');

/** Fenced code blocks and inline code spans: what they hold is shown, not linked. */
function withoutCode(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '');
}

/** Targets of inline links and images, `[text](target "title")`, and of reference definitions, `[name]: target`. */
function linkTargets(markdown: string): string[] {
  const text = withoutCode(markdown);
  const inline = [...text.matchAll(/!?\[[^\]]*\]\(\s*([^)\s]+)(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]);
  const references = [...text.matchAll(/^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+"[^"]*")?\s*$/gm)].map(
    (m) => m[1],
  );
  return [...inline, ...references];
}

/** A link to a file of this repository: not a URL (scheme:…, //host), not only a #fragment. */
function isRelative(target: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith('//') && !target.startsWith('#');
}

/** What is wrong with the relative links of one Markdown file (empty when every one resolves inside the repository). */
function brokenLinks(file: string, markdown: string): string[] {
  return linkTargets(markdown)
    .filter(isRelative)
    .flatMap((target) => {
      const path = decodeURIComponent(target.replace(/[#?].*$/, ''));
      const absolute = path.startsWith('/') ? join(ROOT, path) : resolve(dirname(file), path);
      const inRepository = absolute === ROOT || absolute.startsWith(ROOT + sep);
      if (!inRepository) return [`${target}: points outside the repository`];
      return existsSync(absolute) ? [] : [`${target}: no such file (${relative(ROOT, absolute)})`];
    });
}

describe('documentation links', () => {
  it('finds README.md and the Markdown files under docs/', () => {
    const names = FILES.map((file) => relative(ROOT, file));
    expect(names).toContain('README.md');
    expect(names).toEqual(expect.arrayContaining(['docs/rules.md', 'docs/http-api.md']));
    expect(names.some((name) => name.startsWith('docs/decisions/'))).toBe(true);
  });

  it.each(FILES.map((file) => [relative(ROOT, file), file]))(
    '%s: every relative link names a file that exists in the repository',
    (_name, file) => {
      expect(brokenLinks(file, readFileSync(file, 'utf8'))).toEqual([]);
    },
  );

  it.each(FILES.map((file) => [relative(ROOT, file), file]))(
    `%s: points to nothing outside the repository (no ${OUTSIDE})`,
    (_name, file) => {
      const lines = readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => `${i + 1}: ${line}`)
        .filter((line) => line.includes(OUTSIDE));
      expect(lines).toEqual([]);
    },
  );

  describe('the link reader itself', () => {
    it('reads inline links, images, titles and reference definitions, and skips code', () => {
      const markdown = [
        'See [rules](docs/rules.md#witness "Witness") and ![logo](img/logo.png).',
        '[spec]: ../src/identity/cpr-number.ts',
        '`[not](a-link.md)` and',
        '```',
        '[nor](this.md)',
        '```',
      ].join('\n');
      expect(linkTargets(markdown)).toEqual([
        'docs/rules.md#witness',
        'img/logo.png',
        '../src/identity/cpr-number.ts',
      ]);
    });

    it('reports a link to a missing file, and one that leaves the repository', () => {
      const file = join(ROOT, 'docs', 'rules.md');
      expect(
        brokenLinks(file, '[gone](../src/no-such-file.ts) [ok](../README.md) [web](https://mitid.dk/)'),
      ).toEqual(['../src/no-such-file.ts: no such file (src/no-such-file.ts)']);
      expect(brokenLinks(file, '[out](../../elsewhere/SPEC.md)')).toEqual([
        '../../elsewhere/SPEC.md: points outside the repository',
      ]);
    });
  });
});
