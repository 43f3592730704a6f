/** The preview page's stylesheet: system fonts, high contrast, visible focus, status colours with text labels. */
export const GATEWAY_CSS = `
:root { color-scheme: light; --ink: #1b1f24; --muted: #57606a; --line: #d0d7de; --bg: #f6f8fa; --accent: #0b5cad; --ok: #116329; --warn: #8a4600; --bad: #a40e26; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; }
a { color: var(--accent); }
:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
.skip { position: absolute; left: -999px; } .skip:focus { left: 8px; top: 8px; background: #fff; padding: 4px 8px; }
.top { display: flex; justify-content: space-between; align-items: center; padding: 10px 24px; background: #12263f; color: #fff; }
.top .brand { color: #fff; font-weight: 600; text-decoration: none; }
.top button { background: transparent; color: #fff; border: 1px solid #8fa3bf; border-radius: 4px; padding: 4px 10px; cursor: pointer; }
main { max-width: 1200px; margin: 0 auto; padding: 16px 24px 48px; }
h1 { font-size: 1.6rem; margin: 8px 0 16px; } h2 { font-size: 1.2rem; margin: 28px 0 12px; }
table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
caption { text-align: left; color: var(--muted); padding-bottom: 6px; }
th, td { text-align: left; padding: 8px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
thead th { background: var(--bg); font-weight: 600; }
td.num { text-align: right; } .uid { font-family: ui-monospace, monospace; font-size: 0.8rem; word-break: break-all; }
.muted { color: var(--muted); } .warn { color: var(--warn); }
.badge { display: inline-block; padding: 1px 8px; border-radius: 999px; font-size: 0.85rem; border: 1px solid currentColor; white-space: nowrap; }
.badge-awaiting-review, .badge-delayed, .badge-waiting, .badge-d-pending { color: var(--warn); }
.badge-exported, .badge-released, .badge-d-sent { color: var(--ok); }
.badge-rejected, .badge-failed, .badge-d-failed { color: var(--bad); }
.badge-superseded, .badge-preparing { color: var(--muted); }
.facts { display: flex; flex-wrap: wrap; gap: 8px 28px; margin: 0 0 12px; }
.facts dt { font-size: 0.8rem; color: var(--muted); } .facts dd { margin: 0; font-weight: 600; }
.prompt { background: #fff8c5; border: 1px solid #d4a72c; border-radius: 6px; padding: 10px 14px; }
.notice { background: #dafbe1; border: 1px solid #4ac26b; border-radius: 6px; padding: 10px 14px; }
.error { color: var(--bad); font-weight: 600; }
.gallery { display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: 16px; align-items: start; }
.instance { margin: 0; border: 1px solid var(--line); border-radius: 6px; padding: 8px; background: var(--bg); }
.instance.is-held { border: 2px solid var(--warn); }
.instance img { display: block; width: 100%; height: auto; background: #000; image-rendering: auto; }
.noimage { display: grid; place-items: center; aspect-ratio: 1; background: #e8ecf0; color: var(--muted); text-align: center; padding: 12px; }
figcaption { margin-top: 6px; font-weight: 600; } .held { color: var(--warn); font-weight: 400; margin: 4px 0; }
details { font-weight: 400; margin-top: 4px; } summary { cursor: pointer; color: var(--accent); }
.header { margin: 6px 0 0; font-size: 0.8rem; } .header div { display: grid; grid-template-columns: 9em 1fr; gap: 6px; padding: 2px 0; border-top: 1px solid var(--line); }
.header dt { color: var(--muted); } .header dd { margin: 0; word-break: break-all; }
.decision { border-top: 1px solid var(--line); }
.decide { margin: 12px 0; display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
.decide p { flex-basis: 100%; margin: 0; } .decide label { flex-basis: 100%; font-weight: 600; }
.decide textarea { flex: 1 1 420px; font: inherit; padding: 6px; border: 1px solid #8c959f; border-radius: 4px; }
button { font: inherit; }
.primary, .danger { border: 0; border-radius: 6px; padding: 8px 16px; color: #fff; cursor: pointer; font-weight: 600; }
.primary { background: var(--ok); } .danger { background: var(--bad); }
button[disabled] { opacity: 0.6; cursor: progress; }
.login { display: grid; gap: 8px; max-width: 320px; } .login input { font: inherit; padding: 6px; border: 1px solid #8c959f; border-radius: 4px; }
`;

/** Prevents double submission of a decision while the request is on its way. */
export const GATEWAY_JS = `
document.addEventListener('submit', function (event) {
  var button = event.target.querySelector('button[type="submit"]');
  if (button) { setTimeout(function () { button.disabled = true; }, 0); }
});
`;
