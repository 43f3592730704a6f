import type { Delivery, ExportedInstance, ExportRecord } from './gateway-store';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const STATUS_TEXT: Record<ExportRecord['status'], string> = {
  waiting: 'Waiting for instances',
  delayed: 'Held: delay reason',
  superseded: 'Superseded',
  preparing: 'De-identifying',
  'awaiting-review': 'Awaiting review',
  released: 'Released, sending',
  rejected: 'Rejected',
  exported: 'Exported',
  failed: 'Failed',
};

const DELAY_TEXT: Record<string, string> = {
  'final-report': 'until the final report is available',
  'clinical-information': 'until clinical information is available',
  'confirmation-of-diagnosis': 'until the diagnosis is confirmed',
  histopathology: 'until histopathology is available',
  'laboratory-results': 'until other laboratory results are available',
  'patient-discharge': 'until the patient is discharged',
  'patient-death': 'until the patient dies',
  'expert-review': 'until expert review is available',
};

const PURPOSE_TEXT: Record<string, string> = {
  'teaching-file': 'Teaching file',
  'clinical-trial': 'Clinical trial',
  'research-collection': 'Research collection',
  publication: 'Publication',
};

export function purposeText(purpose: string): string {
  return PURPOSE_TEXT[purpose] ?? purpose;
}

/** The page frame: one stylesheet, one small script, a skip link and a header with sign-out. */
export function page(title: string, body: string, csrf: string | null): string {
  const signOut = csrf
    ? `<form method="post" action="/logout" class="signout"><input type="hidden" name="csrf" value="${escapeHtml(csrf)}"><button type="submit">Sign out</button></form>`
    : '';
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Lightbox Export Manager</title><link rel="stylesheet" href="/gateway.css"><script src="/gateway.js" defer></script></head>
<body><a class="skip" href="#main">Skip to content</a>
<header class="top"><a href="/" class="brand">Lightbox Export Manager</a>${signOut}</header>
<main id="main">${body}</main></body></html>`;
}

export function statusBadge(status: ExportRecord['status']): string {
  return `<span class="badge badge-${status}">${escapeHtml(STATUS_TEXT[status])}</span>`;
}

export function delayText(reason: string | null): string {
  return reason ? `Delay export ${DELAY_TEXT[reason] ?? reason}` : '—';
}

/** The list of exports with their state, newest first. */
export function exportListPage(exports: readonly ExportRecord[], counts: ReadonlyMap<string, { instances: number; held: number }>, csrf: string): string {
  const rows = exports
    .map((e) => {
      const c = counts.get(e.id) ?? { instances: 0, held: 0 };
      const waiting = e.missing.length > 0 ? `${e.missing.length} missing` : '';
      return `<tr><th scope="row"><a href="/exports/${encodeURIComponent(e.id)}">${escapeHtml(e.title || 'Untitled selection')}</a></th>
<td>${escapeHtml(purposeText(e.purpose))}</td><td>${statusBadge(e.status)}</td><td>${escapeHtml(delayText(e.delayReason))}</td>
<td class="num">${c.instances}${waiting ? ` <span class="muted">(${waiting})</span>` : ''}</td>
<td class="num">${c.held > 0 ? `<strong class="warn">${c.held}</strong>` : '0'}</td><td><time datetime="${e.updatedAt}">${escapeHtml(e.updatedAt.replace('T', ' ').slice(0, 19))}</time></td></tr>`;
    })
    .join('\n');
  const table = exports.length
    ? `<table><caption>Selections received from PACS</caption><thead><tr><th scope="col">Manifest title</th><th scope="col">Purpose</th><th scope="col">Status</th>
<th scope="col">Delay reason</th><th scope="col">Instances</th><th scope="col">Held for review</th><th scope="col">Updated</th></tr></thead><tbody>${rows}</tbody></table>`
    : '<p>No selections yet. Send a study and a TCE manifest (Key Object Selection, "For Teaching File Export") from the PACS.</p>';
  return page('Exports', `<h1>Exports</h1>${table}`, csrf);
}

function headerList(header: Readonly<Record<string, string>>): string {
  return `<dl class="header">${Object.entries(header)
    .map(([k, v]) => `<div><dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd></div>`)
    .join('')}</dl>`;
}

function instanceFigure(exportId: string, instance: ExportedInstance, index: number): string {
  const hasPixels = instance.header['Has pixel data'] === 'yes';
  const modality = instance.header['Modality'] ?? '';
  const label = modality === 'KO' ? `${index + 1}. Manifest (KOS)` : modality === 'SR' ? `${index + 1}. Report (SR)` : `${index + 1}. ${modality} image`;
  const picture = hasPixels
    ? `<img src="/exports/${encodeURIComponent(exportId)}/instances/${encodeURIComponent(instance.deidUid)}.png" alt="De-identified image ${escapeHtml(label)}, first frame" loading="lazy">`
    : `<div class="noimage">Structured document: no pixels to check</div>`;
  const held = instance.heldForReview ? `<p class="held" role="note"><strong>Held for review:</strong> ${escapeHtml(instance.heldForReview)}</p>` : '';
  return `<figure class="instance${instance.heldForReview ? ' is-held' : ''}">${picture}<figcaption>${escapeHtml(label)}${held}
<details><summary>De-identified header</summary>${headerList(instance.header)}</details></figcaption></figure>`;
}

function deliveryTable(deliveries: readonly Delivery[]): string {
  if (deliveries.length === 0) return '';
  const rows = deliveries
    .map((d) => `<tr><td>${escapeHtml(d.destination)}</td><td class="uid">${escapeHtml(d.deidUid)}</td><td><span class="badge badge-d-${d.status}">${d.status}</span></td>
<td class="num">${d.attempts}</td><td><time datetime="${d.updatedAt}">${escapeHtml(d.updatedAt.replace('T', ' ').slice(0, 19))}</time></td><td>${escapeHtml(d.detail ?? '')}</td></tr>`)
    .join('\n');
  return `<section aria-labelledby="log"><h2 id="log">Export log</h2><table><thead><tr><th scope="col">Destination</th><th scope="col">SOP Instance UID</th>
<th scope="col">Status</th><th scope="col">Attempts</th><th scope="col">Time</th><th scope="col">Detail</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function decisionForms(record: ExportRecord, csrf: string, destinations: readonly string[]): string {
  const id = encodeURIComponent(record.id);
  const canRelease = record.status === 'awaiting-review';
  const canReject = canRelease || record.status === 'waiting' || record.status === 'delayed';
  const release = canRelease
    ? `<form method="post" action="/exports/${id}/release" class="decide"><input type="hidden" name="csrf" value="${escapeHtml(csrf)}">
<p>I have looked at every image above and found no burned-in names, dates or identifiers.</p>
<button type="submit" class="primary">Release to ${destinations.length} destination${destinations.length === 1 ? '' : 's'}</button></form>`
    : '';
  const reject = canReject
    ? `<form method="post" action="/exports/${id}/reject" class="decide"><input type="hidden" name="csrf" value="${escapeHtml(csrf)}">
<label for="reason">Reason for rejecting</label><textarea id="reason" name="reason" required rows="2"></textarea>
<button type="submit" class="danger">Reject</button></form>`
    : '';
  return release || reject ? `<section aria-labelledby="decide" class="decision"><h2 id="decide">Decision</h2>${release}${reject}</section>` : '';
}

/** One export: what it is, the de-identified images to check for burned-in text, the decision and the log. */
export function exportDetailPage(
  record: ExportRecord,
  instances: readonly ExportedInstance[],
  deliveries: readonly Delivery[],
  destinations: readonly string[],
  csrf: string,
  message: string | null,
): string {
  const held = instances.filter((i) => i.heldForReview).length;
  const facts = `<dl class="facts"><div><dt>Status</dt><dd>${statusBadge(record.status)}</dd></div>
<div><dt>Purpose</dt><dd>${escapeHtml(purposeText(record.purpose))}</dd></div><div><dt>Delay reason</dt><dd>${escapeHtml(delayText(record.delayReason))}</dd></div>
<div><dt>Instances</dt><dd>${instances.length}</dd></div><div><dt>Held for review</dt><dd>${held}</dd></div>
<div><dt>Missing</dt><dd>${record.missing.length}</dd></div>${record.rejectReason ? `<div><dt>Rejected because</dt><dd>${escapeHtml(record.rejectReason)}</dd></div>` : ''}
${record.supersededBy ? `<div><dt>Superseded by</dt><dd class="uid">${escapeHtml(record.supersededBy)}</dd></div>` : ''}</dl>`;
  const notice = message ? `<p class="notice" role="status">${escapeHtml(message)}</p>` : '';
  const prompt = record.status === 'awaiting-review'
    ? `<p class="prompt" role="note"><strong>Check for burned-in text.</strong> Nothing leaves the hospital until you release it. Look at every image for names, dates of birth, hospital numbers or other identifiers in the pixels.</p>`
    : '';
  const gallery = instances.length ? `<section aria-labelledby="images"><h2 id="images">De-identified instances</h2><div class="gallery">${instances.map((i, n) => instanceFigure(record.id, i, n)).join('')}</div></section>` : '';
  return page(record.title || 'Export', `<p><a href="/">← All exports</a></p><h1>${escapeHtml(record.title || 'Untitled selection')}</h1>${notice}${prompt}${facts}
${gallery}${decisionForms(record, csrf, destinations)}${deliveryTable(deliveries)}`, csrf);
}

export function loginPage(failed: boolean): string {
  return page('Sign in', `<h1>Sign in</h1>${failed ? '<p class="error" role="alert">That password is not right.</p>' : ''}
<form method="post" action="/login" class="login"><label for="password">Gateway password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required autofocus><button type="submit" class="primary">Sign in</button></form>`, null);
}
