/**
 * The pages' Handlebars templates and their one stylesheet, kept in TypeScript so the build ships
 * them with the code (no asset copying). `{{ }}` escapes; the only `{{{ }}}` is the stylesheet,
 * a constant. Every page works without JavaScript: plain links and form posts.
 */

/** Mobile first; colours meet WCAG AA contrast (and the verdict is in words, not colour alone). */
export const STYLESHEET = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:1.0625rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;background:#f4f5f7}
.bar{display:flex;justify-content:space-between;align-items:center;gap:1rem;padding:.75rem 1rem;background:#12355b;color:#fff}
.brand{font-weight:700}
.bar a{color:#fff}
main{max-width:42rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;line-height:1.25;margin:.5rem 0 1rem}
h2{font-size:1.2rem;line-height:1.3;margin:0 0 .5rem}
h3{font-size:1.05rem;margin:1rem 0 .25rem}
p{margin:0 0 .75rem}
section,.card{background:#fff;border:1px solid #c5cad1;border-radius:.5rem;padding:1rem;margin:1rem 0}
dl{margin:0}
dl div{padding:.5rem 0;border-top:1px solid #e1e4e8}
dl div:first-child{border-top:0}
dt{font-weight:700}
dd{margin:0}
dd p{margin:0 0 .25rem}
.muted,.hint{color:#474f5c;font-size:.95rem}
.hint{margin:0 0 .25rem}
.hash{display:block;overflow-wrap:anywhere;font:.95rem/1.4 ui-monospace,Menlo,Consolas,monospace;background:#f4f5f7;padding:.5rem;border-radius:.25rem}
a{color:#0b4f8a;text-underline-offset:.15em}
a:focus,button:focus,input:focus,textarea:focus,summary:focus,.errors:focus{outline:3px solid #ffbf47;outline-offset:2px}
label{display:block;font-weight:700;margin-bottom:.25rem}
input[type=text],input[type=file],textarea{display:block;width:100%;font:inherit;padding:.6rem;border:2px solid #474f5c;border-radius:.25rem;background:#fff;color:inherit}
.field{margin:1rem 0}
.check{display:flex;gap:.75rem;align-items:flex-start}
.check input{width:1.5rem;height:1.5rem;margin:.15rem 0 0;flex:none}
.check label{font-weight:400}
button{display:block;width:100%;min-height:2.75rem;font:inherit;font-weight:700;padding:.7rem 1rem;border:2px solid #0b5e2f;border-radius:.25rem;background:#0b5e2f;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#8a1c1c;border-color:#8a1c1c}
.errors{border:3px solid #b00020;background:#fff;padding:1rem;border-radius:.5rem;margin:1rem 0}
.error-text{color:#b00020;font-weight:700;margin:.25rem 0}
.invalid input,.invalid textarea{border-color:#b00020}
.verdict{border-left-width:.5rem}
.good{border-left-color:#0b5e2f}
.bad{border-left-color:#b00020}
@media (min-width:40rem){main{padding:1.5rem}button{width:auto}}
`.trim();

const LAYOUT = `<!doctype html>
<html lang="{{lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>{{title}} – {{t.site}}</title>
<style>${STYLESHEET}</style>
</head>
<body>
<header class="bar">
<span class="brand">{{t.site}}</span>
{{#if switchHref}}<nav aria-label="{{t.languageNav}}"><a href="{{switchHref}}" hreflang="{{switchLang}}" lang="{{switchLang}}">{{switchLabel}}</a></nav>{{/if}}
</header>
<main>
{{> @partial-block }}
</main>
</body>
</html>
`;

/** Focused on arrival (autofocus, no script), so a keyboard or screen reader user starts there. */
const ERROR_SUMMARY = `{{#if errors.length}}
<div class="errors" role="alert" tabindex="-1" autofocus>
<h2>{{heading}}</h2>
<ul>{{#each errors}}<li><a href="#{{field}}">{{message}}</a></li>{{/each}}</ul>
</div>
{{/if}}`;

const FIELD_ERROR = `{{#if message}}<p id="{{id}}-error" class="error-text">{{message}}</p>{{/if}}`;

const SIGN = `{{#> layout}}
<h1>{{t.sign.heading}}</h1>
{{> errorSummary errors=errors heading=t.sign.errorsHeading}}
<p><strong>{{page.signer}}</strong></p>
<p>{{page.agreement}}</p>
<p class="muted">{{page.validUntil}}</p>

<section aria-labelledby="parties-heading">
<h2 id="parties-heading">{{t.sign.partiesHeading}}</h2>
<dl>{{#each page.parties}}<div><dt>{{label}}</dt><dd>{{value}}</dd></div>{{/each}}</dl>
</section>

<section aria-labelledby="terms-heading">
<h2 id="terms-heading">{{t.sign.termsHeading}}</h2>
<dl>
{{#each page.terms}}<div><dt>{{label}}</dt><dd>{{value}}</dd></div>{{/each}}
<div><dt>{{t.terms.repayment}}</dt><dd>{{#each page.repayment}}<p>{{this}}</p>{{/each}}</dd></div>
</dl>
</section>

<section aria-labelledby="version-heading">
<h2 id="version-heading">{{t.sign.versionHeading}}</h2>
<p>{{t.sign.versionLabel}} {{page.version}}</p>
<p>{{t.sign.hashLabel}}<code class="hash">{{page.contentHash}}</code></p>
<p class="muted">{{t.sign.hashHelp}}</p>
{{#if previewHref}}
<p><a href="{{previewHref}}">{{t.sign.preview}}</a></p>
<p class="muted">{{t.sign.previewNote}}</p>
{{else}}
<p>{{t.sign.previewPending}}</p>
{{/if}}
</section>

<form method="post" action="{{signAction}}" class="card" aria-labelledby="sign-heading" novalidate>
<h2 id="sign-heading">{{t.sign.signHeading}}</h2>
<input type="hidden" name="csrf" value="{{csrf}}">
<input type="hidden" name="lang" value="{{lang}}">
<input type="hidden" name="contentHash" value="{{page.contentHash}}">
<div class="field{{#if fieldErrors.name}} invalid{{/if}}">
<label for="name">{{t.sign.nameLabel}}</label>
<p id="name-hint" class="hint">{{t.sign.nameHint}}</p>
{{> fieldError id="name" message=fieldErrors.name}}
<input id="name" name="name" type="text" autocomplete="name" maxlength="200" required aria-describedby="name-hint{{#if fieldErrors.name}} name-error{{/if}}"{{#if fieldErrors.name}} aria-invalid="true"{{/if}} value="{{values.name}}">
</div>
{{> fieldError id="consent" message=fieldErrors.consent}}
<div class="field check{{#if fieldErrors.consent}} invalid{{/if}}">
<input id="consent" name="consent" type="checkbox" value="yes" required{{#if fieldErrors.consent}} aria-invalid="true" aria-describedby="consent-error"{{/if}}{{#if values.consent}} checked{{/if}}>
<label for="consent">{{t.sign.consentLabel}}</label>
</div>
<button type="submit">{{t.sign.signButton}}</button>
</form>

<form method="post" action="{{declineAction}}" class="card" aria-labelledby="decline-heading" novalidate>
<h2 id="decline-heading">{{t.sign.declineHeading}}</h2>
<p>{{t.sign.declineIntro}}</p>
<input type="hidden" name="csrf" value="{{csrf}}">
<input type="hidden" name="lang" value="{{lang}}">
<div class="field{{#if fieldErrors.reason}} invalid{{/if}}">
<label for="reason">{{t.sign.reasonLabel}}</label>
<p id="reason-hint" class="hint">{{t.sign.reasonHint}}</p>
{{> fieldError id="reason" message=fieldErrors.reason}}
<textarea id="reason" name="reason" rows="4" maxlength="1000" required aria-describedby="reason-hint{{#if fieldErrors.reason}} reason-error{{/if}}"{{#if fieldErrors.reason}} aria-invalid="true"{{/if}}>{{values.reason}}</textarea>
</div>
<button type="submit" class="secondary">{{t.sign.declineButton}}</button>
</form>
{{/layout}}`;

const DONE = `{{#> layout}}
<h1>{{heading}}</h1>
<section aria-labelledby="done-heading" class="verdict good">
<h2 id="done-heading">{{agreement}}</h2>
<p>{{text}}</p>
{{#if signedAt}}<p>{{signedAt}}</p>{{/if}}
<p>{{t.done.agreementIdLabel}}<code class="hash">{{agreementId}}</code></p>
<p>{{t.sign.hashLabel}}<code class="hash">{{contentHash}}</code></p>
</section>
{{#if status}}
<section aria-labelledby="status-heading">
<h2 id="status-heading">{{t.done.statusHeading}}</h2>
<p>{{status}}</p>
{{#if downloadHref}}<p><a href="{{downloadHref}}">{{t.done.download}}</a></p>{{/if}}
{{#if superseded}}<p>{{t.done.superseded}}</p>{{/if}}
<p class="muted">{{t.done.receiptNote}}</p>
</section>
{{/if}}
<p><a href="{{verifyHref}}">{{t.verifyLink}}</a></p>
{{/layout}}`;

const MESSAGE = `{{#> layout}}
<h1>{{heading}}</h1>
<section aria-label="{{heading}}">
{{#each lines}}<p>{{this}}</p>{{/each}}
</section>
{{#if backHref}}<p><a href="{{backHref}}">{{backLabel}}</a></p>{{/if}}
{{/layout}}`;

const VERIFY = `{{#> layout}}
<h1>{{t.verify.heading}}</h1>
{{> errorSummary errors=errors heading=t.sign.errorsHeading}}
{{#if verdict}}
<section aria-labelledby="verdict-heading" class="verdict {{verdict.tone}}">
<p class="muted">{{t.verify.resultHeading}}</p>
<h2 id="verdict-heading">{{verdict.heading}}</h2>
<p>{{verdict.text}}</p>
{{#if verdict.superseded}}<p><strong>{{t.verify.superseded}}</strong></p>{{/if}}
{{#if verdict.parties.length}}
<h3>{{t.verify.partiesHeading}}</h3>
<dl>{{#each verdict.parties}}<div><dt>{{label}}</dt><dd>{{value}}</dd></div>{{/each}}</dl>
{{/if}}
{{#if verdict.signers.length}}
<h3>{{t.verify.signersHeading}}</h3>
<dl>{{#each verdict.signers}}<div><dt>{{label}}</dt><dd>{{value}}</dd></div>{{/each}}</dl>
{{/if}}
<details>
<summary>{{t.verify.details}}</summary>
<p>{{t.verify.fileHash}}<code class="hash">{{verdict.sha256}}</code></p>
{{#if verdict.problems.length}}<ul lang="en">{{#each verdict.problems}}<li>{{this}}</li>{{/each}}</ul>{{/if}}
</details>
</section>
{{else}}
<p>{{t.verify.intro}}</p>
{{/if}}
<form method="post" action="/verify/upload" enctype="multipart/form-data" class="card" aria-labelledby="upload-heading" novalidate>
<h2 id="upload-heading">{{#if verdict}}{{t.verify.again}}{{else}}{{t.verify.title}}{{/if}}</h2>
<input type="hidden" name="csrf" value="{{csrf}}">
<input type="hidden" name="lang" value="{{lang}}">
<div class="field{{#if fieldErrors.file}} invalid{{/if}}">
<label for="file">{{t.verify.fileLabel}}</label>
<p id="file-hint" class="hint">{{t.verify.fileHint}}</p>
{{> fieldError id="file" message=fieldErrors.file}}
<input id="file" name="file" type="file" accept="application/pdf,.pdf" required aria-describedby="file-hint{{#if fieldErrors.file}} file-error{{/if}}"{{#if fieldErrors.file}} aria-invalid="true"{{/if}}>
</div>
<button type="submit">{{t.verify.button}}</button>
</form>
{{/layout}}`;

export const PARTIALS = { layout: LAYOUT, errorSummary: ERROR_SUMMARY, fieldError: FIELD_ERROR };
export const TEMPLATES = { sign: SIGN, done: DONE, message: MESSAGE, verify: VERIFY };
export type TemplateName = keyof typeof TEMPLATES;
