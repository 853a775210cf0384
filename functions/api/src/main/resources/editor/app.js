// Tarjim editor dashboard. The page holds no data: everything comes from /editor/api/, sent the editor's token
// (kept in this tab's session storage). Every value from the API is put in the page as text, never as markup.
'use strict';

(function () {
  const TOKEN = 'tarjim-editor-token';
  const REVIEWER = 'tarjim-reviewer';
  const REFRESH_MS = 2000;
  const $ = (id) => document.getElementById(id);
  let form = null;          // the signed upload form: {url, fields, keyPrefix, maxBytes, expires}
  let timer = null;
  let loading = false;

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined) continue;
      if (k === 'class') e.className = v;
      else if (k.startsWith('data-')) e.setAttribute(k, v);
      else e[k] = v;
    }
    for (const c of children) {
      if (c !== null && c !== undefined) e.append(c);
    }
    return e;
  }

  function token() {
    return sessionStorage.getItem(TOKEN);
  }

  async function api(path) {
    const r = await fetch(path, {headers: {Authorization: 'Bearer ' + token()}, cache: 'no-store'});
    if (r.status === 401) {
      signOut('The token was not accepted: sign in again.');
      throw new Error('not signed in');
    }
    if (!r.ok) {
      let reason = r.status + '';
      try { reason = (await r.json()).error || reason; } catch (e) { /* not JSON */ }
      throw new Error(reason);
    }
    return r.json();
  }

  // ------------------------------------------------------------------ sign in

  function signOut(message) {
    sessionStorage.removeItem(TOKEN);
    clearInterval(timer);
    timer = null;
    $('desk').hidden = true;
    $('who').hidden = true;
    $('sign-in').hidden = false;
    $('sign-in-error').textContent = message || '';
  }

  async function signedIn() {
    $('sign-in').hidden = true;
    $('desk').hidden = false;
    try {
      await refresh();
    } catch (e) {
      return;
    }
    $('who').hidden = false;
    loadForm();
    clearInterval(timer);
    timer = setInterval(() => refresh().catch(() => {}), REFRESH_MS);
  }

  // The Cognito hosted UI (implicit grant) returns with #id_token=...: keep it like a pasted token.
  function tokenFromRedirect() {
    const hash = new URLSearchParams(location.hash.slice(1));
    if (hash.get('id_token')) {
      sessionStorage.setItem(TOKEN, hash.get('id_token'));
      history.replaceState(null, '', location.pathname + location.search);
    }
  }

  // ------------------------------------------------------------------ upload form (straight to S3)

  async function loadForm() {
    try {
      form = await api('api/upload-form');
    } catch (e) {
      $('upload-note').textContent = 'Uploads from the browser are not available: ' + e.message;
      return;
    }
    fill($('upload-form'), form.fields);
    $('upload-submit').disabled = false;
  }

  // The signed fields go first: S3 reads the form in order and wants the file last.
  function fill(target, fields) {
    target.action = form.url;
    target.querySelectorAll('input.signed').forEach((i) => i.remove());
    for (const [name, value] of Object.entries(fields).reverse()) {
      target.prepend(el('input', {type: 'hidden', name: name, value: value, class: 'signed'}));
    }
  }

  function safeName(name) {
    const cleaned = name.normalize('NFC').replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^[.-]+/, '');
    return cleaned || 'upload';
  }

  function onUpload(event) {
    const file = $('upload-file').files[0];
    if (!form || !file) {
      event.preventDefault();
      return;
    }
    if (file.size > form.maxBytes || file.size === 0) {
      event.preventDefault();
      $('upload-note').textContent = file.name + ' is ' + file.size + ' bytes: uploads must be 1 to '
        + form.maxBytes + ' bytes.';
      return;
    }
    const key = form.keyPrefix + safeName(file.name);
    $('upload-form').querySelector('input[name="key"]').value = key;
    // S3 answers 204 No Content: the browser stays here, and the list shows the upload once it is read.
    $('upload-note').textContent = 'Sent ' + key + '. It appears below once it has been read.';
    setTimeout(() => { $('upload-form').reset(); }, 500);
  }

  // ------------------------------------------------------------------ the list

  function options(select, values) {
    const chosen = select.value;
    const have = new Set(Array.from(select.options).map((o) => o.value));
    for (const v of values) {
      if (!have.has(v)) select.append(el('option', {value: v}, v));
    }
    select.value = chosen;
  }

  async function refresh() {
    if (loading) return;
    loading = true;
    try {
      const q = new URLSearchParams();
      if ($('filter-status').value) q.set('status', $('filter-status').value);
      if ($('filter-lang').value) q.set('lang', $('filter-lang').value);
      const data = await api('api/uploads' + (q.toString() ? '?' + q : ''));
      $('who-name').textContent = 'Signed in as ' + data.editor;
      options($('filter-status'), data.statuses);
      options($('filter-lang'), data.languages);
      render(data);
      $('list-error').textContent = '';
      $('refreshed').textContent = 'updated ' + new Date().toLocaleTimeString();
    } catch (e) {
      $('list-error').textContent = 'Could not read the uploads: ' + e.message;
      throw e;
    } finally {
      loading = false;
    }
  }

  let shown = '';

  // Re-rendered only when something changed, so a row under the pointer stays put between refreshes.
  function render(data) {
    const json = JSON.stringify(data);
    if (json === shown) return;
    shown = json;
    $('count').textContent = '(' + data.total + ')';
    const body = $('uploads').tBodies[0];
    const rows = data.uploads.map(row);
    if (rows.length === 0) {
      rows.push(el('tr', {}, el('td', {colSpan: 5, class: 'hint'}, 'No uploads match.')));
    }
    body.replaceChildren(...rows);
  }

  function row(u) {
    const title = el('td', {class: 'title'},
      el('strong', {}, u.title || '(no title)'),
      u.attention ? el('span', {class: 'flag'}, 'needs attention') : null,
      u.translationOf ? el('div', {class: 'hint'}, 'reviewed ' + u.translationOf.language + ' of '
        + u.translationOf.articleId) : null,
      ...(u.errors || []).map((e) => el('div', {class: 'error'}, e)),
      ...(u.warnings || []).map((w) => el('div', {class: 'warning'}, w)));
    const upload = el('td', {},
      el('span', {class: 'status s-' + u.status, 'data-status': u.status}, u.status),
      el('div', {class: 'key'}, u.uploadKey),
      el('div', {class: 'hint'}, (u.sourceLanguage ? u.sourceLanguage + ' · ' : '') + 'revision ' + u.revision
        + (u.embargo ? ' · embargo ' + u.embargo : '')));
    const langs = el('td', {class: 'langs'});
    for (const [lang, s] of Object.entries(u.languages || {})) {
      const chip = el('span', {class: 'lang s-' + s.status, 'data-lang': lang, 'data-status': s.status,
        title: [s.detail, s.reviewer ? 'by ' + s.reviewer : null].filter(Boolean).join(' · ')},
      lang + ': ' + s.status);
      langs.append(chip);
      const reviewable = lang !== u.sourceLanguage && !u.translationOf && u.status !== 'media'
        && u.status !== 'withdrawn';
      if (reviewable) {
        langs.append(el('button', {type: 'button', class: 'review', 'data-lang': lang,
          onclick: () => openReview(u.articleId, lang)}, 'review'));
      }
      langs.append(el('br'));
    }
    const links = el('td', {class: 'links'},
      el('button', {type: 'button', class: 'report', onclick: () => openReport(u.report)}, 'report'));
    for (const [lang, url] of Object.entries(u.pages || {})) {
      links.append(' ', el('a', {href: url, target: '_blank', rel: 'noopener', class: 'page', 'data-lang': lang},
        lang));
    }
    if (u.source) {
      links.append(' ', el('a', {href: u.source, target: '_blank', rel: 'noopener', class: 'source'}, 'source'));
    }
    if (u.url) {
      links.append(' ', el('a', {href: u.url, target: '_blank', rel: 'noopener'}, 'image'));
    }
    return el('tr', {'data-article': u.articleId, 'data-key': u.uploadKey, class: u.attention ? 'attention' : ''},
      title, upload, langs, el('td', {class: 'when'}, u.updatedAt ? new Date(u.updatedAt).toLocaleString() : ''),
      links);
  }

  async function openReport(path) {
    try {
      const report = await api(path);
      $('report-json').textContent = JSON.stringify(report, null, 2);
      $('report').hidden = false;
      $('report').scrollIntoView();
    } catch (e) {
      $('list-error').textContent = 'Could not read the report: ' + e.message;
    }
  }

  // ------------------------------------------------------------------ side-by-side review

  let review = null;

  async function openReview(id, lang) {
    try {
      review = await api('api/review/' + id + '/' + lang);
    } catch (e) {
      $('list-error').textContent = 'Could not open the review: ' + e.message;
      return;
    }
    const s = review.source;
    const t = review.translation;
    $('review-title').textContent = 'Review ' + lang + ' of “' + s.title + '”'
      + (review.status ? ' (' + review.status.status + ')' : '');
    $('review-source-head').textContent = 'Source (' + review.sourceLanguage + ')';
    $('review-target-head').textContent = (review.machine ? 'Translation (' : 'Your translation (') + lang + ')';
    const changed = new Set((review.status && review.status.changedBlocks) || []);
    const body = $('review-form').querySelector('tbody');
    const rows = [el('tr', {class: 'title-row'}, el('td', {lang: s.language, class: 'source'}, s.title),
      el('td', {}, el('input', {id: 'review-title-input', value: t.title || '', lang: lang})))];
    const n = Math.max(s.blocks.length, t.blocks.length);
    for (let i = 0; i < n; i++) {
      const src = s.blocks[i];
      const tr = t.blocks[i];
      const text = tr ? tr.markdown : '';
      rows.push(el('tr', {class: changed.has(i) ? 'changed' : ''},
        el('td', {lang: s.language, class: 'source'}, src ? src.markdown : ''),
        el('td', {}, el('textarea', {class: 'block', lang: lang, value: text,
          rows: Math.max(2, Math.ceil(text.length / 60))}))));
    }
    body.replaceChildren(...rows);
    $('reviewer').value = sessionStorage.getItem(REVIEWER) || '';
    $('review-note').textContent = '';
    if (form) {
      fill($('review-form'), form.fields);
      $('review-form').querySelector('input[name="key"]').value = review.key;
    }
    $('review-submit').disabled = !form;
    $('review').hidden = false;
    $('review').scrollIntoView();
  }

  // YAML reads a JSON string as a double-quoted scalar.
  function frontMatter(fields) {
    return '---\n' + fields.filter(([, v]) => v).map(([k, v]) => k + ': ' + JSON.stringify(v)).join('\n') + '\n---\n';
  }

  function onReview(event) {
    if (!review || !form) {
      event.preventDefault();
      return;
    }
    const reviewer = $('reviewer').value.trim();
    sessionStorage.setItem(REVIEWER, reviewer);
    const blocks = Array.from($('review-form').querySelectorAll('textarea.block'))
      .map((a) => a.value.trim()).filter((b) => b);
    $('review-file').value = frontMatter([['title', $('review-title-input').value.trim()],
      ['lang', review.language], ['translation-of', review.articleId], ['reviewer', reviewer]])
      + blocks.join('\n\n') + '\n';
    $('review-note').textContent = 'Sent the reviewed ' + review.language
      + ' translation. Its status becomes “reviewed” once it has been read.';
  }

  // ------------------------------------------------------------------ start

  document.addEventListener('DOMContentLoaded', () => {
    $('sign-in-form').addEventListener('submit', (e) => {
      e.preventDefault();
      sessionStorage.setItem(TOKEN, $('token').value.trim());
      $('token').value = '';
      signedIn();
    });
    $('sign-out').addEventListener('click', () => signOut(''));
    $('filters').addEventListener('change', () => refresh().catch(() => {}));
    $('filters').addEventListener('submit', (e) => e.preventDefault());
    $('upload-form').addEventListener('submit', onUpload);
    $('review-form').addEventListener('submit', onReview);
    $('review-close').addEventListener('click', () => { $('review').hidden = true; });
    $('report-close').addEventListener('click', () => { $('report').hidden = true; });
    tokenFromRedirect();
    if (token()) {
      signedIn();
    } else {
      signOut('');
    }
  });
})();
