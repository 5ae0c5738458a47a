/**
 * Server-rendered HTML where every value is escaped unless it is itself HTML made here:
 * `` html`<p>${text}</p>` `` can only ever show `text`, whatever it holds. Pages have one
 * small stylesheet whose hash the Content-Security-Policy names, and nothing else: no
 * script, no image, nothing from elsewhere.
 *
 * @module
 */
import { createHash } from "node:crypto";

/** HTML made by {@linkcode html}: safe to put into more HTML as it is. */
export class Html {
  /** The markup. */
  readonly markup: string;

  /** Wraps markup that is already safe; only this module makes one from values. */
  constructor(markup: string) {
    this.markup = markup;
  }

  /** The markup. */
  toString(): string {
    return this.markup;
  }
}

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** `text` with `& < > " '` escaped: safe in an element and in a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

function part(value: unknown): string {
  if (value instanceof Html) return value.markup;
  if (Array.isArray(value)) return value.map(part).join("");
  if (value === null || value === undefined || value === false) return "";
  return escapeHtml(String(value));
}

/** A template whose values are escaped (an {@linkcode Html} or a list of them is kept). */
export function html(
  strings: TemplateStringsArray,
  ...values: unknown[]
): Html {
  let markup = strings[0]!;
  values.forEach((value, i) => {
    markup += part(value) + strings[i + 1]!;
  });
  return new Html(markup);
}

/** The one stylesheet of every page. */
const STYLE =
  "body{font:18px/1.5 system-ui,sans-serif;margin:0;padding:2rem 1rem;" +
  "color:#1b1b1b;background:#fafafa}main{max-width:32rem;margin:auto}" +
  "h1{font-size:1.3rem}";

/** The Content-Security-Policy of every response: nothing but that stylesheet. */
export const CONTENT_SECURITY_POLICY: string = [
  "default-src 'none'",
  `style-src 'sha256-${createHash("sha256").update(STYLE).digest("base64")}'`,
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

/** A small page: a heading and a paragraph, in the language `lang`. */
export function page(
  { lang, title, text }: { lang: string; title: string; text: string },
): Html {
  return html`
    <!doctype html>
    <html lang="${lang}">
      <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex, nofollow">
        <title>${title}</title>
        <style>${new Html(STYLE)}</style>
      </head>
      <body>
        <main><h1>${title}</h1>${text === "" ? "" : html`<p>${text}</p>`}</main>
      </body>
    </html>
  `;
}
