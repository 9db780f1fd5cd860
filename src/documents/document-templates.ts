/**
 * The Handlebars templates of templates/: a shared layout and partials, one template per kind and
 * language (templates/kinds/<kind>.<ar|en>.hbs), the page footer that Chromium repeats on every
 * page (QR code, number, verification code) and the public verification page. Everything is
 * compiled once, in strict mode: a variable the data lacks fails the render loudly instead of
 * printing an empty string on a legal document.
 */
import Handlebars from 'handlebars';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DocumentKind, DocumentLanguage, KIND_TITLE, TEMPLATE_OF } from './document.enums';
import { clockTime, gregorianDate, hijriDate, Lang, maskedId, sar, sarInArabicWords } from './format';

/** What every document prints besides its subject's data. */
export interface DocumentStamp {
  number: string;
  code: string;
  verifyUrl: string;
  issuedAt: Date | string;
}

export interface RenderedHtml {
  html: string;
  footer: string;
}

/** templates/ at the repository root, from src/ (tests) or dist/src/ (built); TEMPLATES_DIR overrides. */
export function templatesDir(): string {
  if (process.env.TEMPLATES_DIR) return resolve(process.env.TEMPLATES_DIR);
  for (let dir = __dirname, i = 0; i < 5; i++, dir = resolve(dir, '..')) {
    const candidate = join(dir, 'templates');
    if (existsSync(join(candidate, 'layout.hbs'))) return candidate;
  }
  throw new Error(`templates/ not found above ${__dirname} (set TEMPLATES_DIR)`);
}

export function langOf(language: DocumentLanguage): Lang {
  return language === DocumentLanguage.AR ? 'ar' : 'en';
}

type Options = Handlebars.HelperOptions;
/** A helper's language: an explicit 'ar'/'en' argument, else the document's (root `lang`). */
function helperLang(args: unknown[]): Lang {
  const options = args[args.length - 1] as Options;
  const explicit = args.length > 1 ? args[0] : undefined;
  if (explicit === 'ar' || explicit === 'en') return explicit;
  const data = options?.data as { root?: { lang?: Lang } } | undefined;
  const root = data?.root;
  if (root?.lang !== 'ar' && root?.lang !== 'en') throw new Error('the template has no root "lang"');
  return root.lang;
}

export class DocumentTemplates {
  private readonly hb = Handlebars.create();
  private readonly kinds = new Map<string, Handlebars.TemplateDelegate>();
  private readonly layout: Handlebars.TemplateDelegate;
  private readonly footer: Handlebars.TemplateDelegate;
  private readonly verifyPage: Handlebars.TemplateDelegate;

  constructor(readonly dir: string = templatesDir()) {
    this.registerHelpers();
    const partials = join(dir, 'partials');
    for (const file of readdirSync(partials).filter((f) => f.endsWith('.hbs'))) {
      this.hb.registerPartial(file.replace(/\.hbs$/, ''), this.compile(join(partials, file)));
    }
    this.layout = this.compile(join(dir, 'layout.hbs'));
    this.footer = this.compile(join(partials, 'footer.hbs'));
    this.verifyPage = this.compile(join(dir, 'verify.hbs'));
    for (const kind of Object.values(DocumentKind)) {
      for (const lang of ['ar', 'en'] as const) {
        this.kinds.set(`${kind}.${lang}`, this.compile(join(dir, 'kinds', `${TEMPLATE_OF[kind]}.${lang}.hbs`)));
      }
    }
  }

  /** The document's HTML and its per-page footer; `qrSvg` is the QR code of the verification URL. */
  render(kind: DocumentKind, language: DocumentLanguage, data: Record<string, unknown>, stamp: DocumentStamp, qrSvg: string): RenderedHtml {
    const template = this.kinds.get(`${kind}.${langOf(language)}`);
    if (!template) throw new Error(`no template for ${kind} in ${language}`);
    const lang = langOf(language);
    const doc = { ...stamp, title: KIND_TITLE[kind][lang] };
    const context = { ...data, lang, dir: lang === 'ar' ? 'rtl' : 'ltr', doc };
    const body = template(context);
    return {
      html: this.layout({ lang, dir: context.dir, doc, body }),
      footer: this.footer({ lang, doc, qr: qrSvg }),
    };
  }

  renderVerifyPage(context: Record<string, unknown>): string {
    return this.verifyPage(context);
  }

  private compile(file: string): Handlebars.TemplateDelegate {
    // strict: a missing variable throws (naming it); assumeObjects would also forgive nothing.
    return this.hb.compile(readFileSync(file, 'utf8'), { strict: true });
  }

  private registerHelpers(): void {
    this.hb.registerHelper('hijri', (value: unknown, ...rest: unknown[]) => hijriDate(value, helperLang(rest)));
    this.hb.registerHelper('gregorian', (value: unknown, ...rest: unknown[]) => gregorianDate(value, helperLang(rest)));
    this.hb.registerHelper('time', (value: unknown) => clockTime(value));
    this.hb.registerHelper('sar', (value: unknown, ...rest: unknown[]) => sar(value, helperLang(rest)));
    this.hb.registerHelper('sarWords', (value: unknown) => sarInArabicWords(value));
    // Identifiers and reference numbers are isolated left-to-right runs: inside Arabic text the
    // bidi algorithm would otherwise reorder "1*****1010" or "1448-RYD-GEN-000123" around the
    // neutral characters.
    const ltr = (text: string) => new this.hb.SafeString(`<bdi dir="ltr">${this.hb.escapeExpression(text)}</bdi>`);
    this.hb.registerHelper('maskId', (value: unknown) => ltr(maskedId(value)));
    this.hb.registerHelper('ltr', (value: unknown) => ltr(String(value)));
    this.hb.registerHelper('isAr', (...rest: unknown[]) => helperLang(rest) === 'ar');
  }
}
