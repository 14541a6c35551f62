// Forms marked .api-form are sent as JSON to the API; ProblemDetails come back as Vietnamese messages beside the fields.
(function () {
  const token = () => document.querySelector('meta[name="csrf-token"]')?.content || '';

  function setPath(obj, path, value) {
    const parts = path.replace(/\]/g, '').split(/[.[]/);
    let cur = obj;
    parts.forEach((p, i) => {
      const last = i === parts.length - 1;
      const nextIsIndex = !last && /^\d+$/.test(parts[i + 1]);
      if (last) { cur[p] = value; return; }
      if (cur[p] === undefined) cur[p] = nextIsIndex ? [] : {};
      cur = cur[p];
    });
  }

  function collect(form) {
    const body = {};
    for (const el of form.elements) {
      if (!el.name || el.disabled) continue;
      let v;
      const t = el.dataset.type;
      if (el.type === 'checkbox') {
        if (t === 'list') { if (!el.checked) continue; const list = body[el.name] || []; list.push(el.value); body[el.name] = list; continue; }
        v = el.checked;
      } else if (el.type === 'radio') { if (!el.checked) continue; v = el.value; }
      else v = el.value;
      // Numbers go as typed ("1.500.000", "12,5"): the server reads them the Vietnamese way and names what it cannot.
      if (t === 'number' || t === 'int') v = String(v).trim() === '' ? null : String(v).trim();
      else if (t === 'lines') v = String(v).split('\n').map(s => s.trim()).filter(Boolean);
      else if (t === 'bool') v = String(v).toLowerCase() === 'true';
      else if (typeof v === 'string' && v === '' && el.dataset.empty !== 'keep') v = null;
      setPath(body, el.name, v);
    }
    for (const k of Object.keys(body)) if (Array.isArray(body[k])) body[k] = body[k].filter(x => x !== undefined);
    return body;
  }

  // Each message once: beside its field (the input marked aria-invalid and described by it), the rest in the box.
  function showErrors(form, problem) {
    const box = form.querySelector('.form-error');
    form.querySelectorAll('.field-error').forEach(e => e.replaceChildren());
    form.querySelectorAll('[aria-invalid]').forEach(e => e.removeAttribute('aria-invalid'));
    const slots = [...form.querySelectorAll('.field-error')];
    const placed = new Set(), rest = [];
    // Counted by field, not by message: "“1.5” không phải là số" typed in two fields is two mistakes to fix.
    let marked = 0;
    let first = null;
    for (const [key, msgs] of Object.entries(problem.errors || {})) {
      const unique = [...new Set(msgs)];
      const slot = slots.find(e => e.dataset.for.toLowerCase() === key.toLowerCase());
      if (!slot) { unique.forEach(m => rest.includes(m) || rest.push(m)); continue; }
      unique.forEach((m, i) => { if (i) slot.append(document.createElement('br')); slot.append(m); placed.add(m); });
      marked++;
      const input = [...form.querySelectorAll('[aria-describedby]')].find(el => el.getAttribute('aria-describedby').split(' ').includes(slot.id));
      if (input) { input.setAttribute('aria-invalid', 'true'); first ??= input; }
    }
    const lead = problem.detail || problem.title || 'Không thực hiện được thao tác.';
    const lines = [];
    // The API's detail repeats a field's message after its JSON path ("Trường “targets[0].baseline”: …"): the message
    // already stands beside the field the person sees, so the path is not shown to them.
    const repeats = [...placed].some(m => lead.endsWith(m));
    if (!placed.has(lead) && !rest.includes(lead) && !repeats) lines.push(lead);
    if (marked) lines.push(marked === 1 ? 'Xem thông báo bên cạnh mục được đánh dấu.' : `Có ${marked} lỗi, xem thông báo bên cạnh từng mục.`);
    lines.push(...rest.filter(m => !placed.has(m)));
    box.replaceChildren(...lines.map(t => { const p = document.createElement('p'); p.textContent = t; return p; }));
    box.hidden = false;
    (first || box).focus?.();
  }

  // A picker's visible text names a suggestion of its datalist; the hidden input beside it carries the id.
  function syncPicker(input) {
    const hidden = input.parentElement.querySelector(`input[type=hidden][name="${input.dataset.picker}"]`);
    const text = input.value.trim();
    const option = [...(input.list?.options || [])].find(o => o.value === text);
    if (hidden) hidden.value = option ? option.dataset.id : '';
    return !text || option;
  }
  // A datalist with a data-source holds only the chosen entries: the few matches for what is typed come from the
  // server. Entries chosen in the pickers sharing the list are kept when the matches are replaced.
  const timers = new WeakMap();
  function lookup(input) {
    const list = input.list, source = list?.dataset.source, text = input.value.trim();
    if (!source || !text || [...list.options].some(o => o.value === text)) return Promise.resolve();
    const url = source + (source.includes('?') ? '&' : '?') + 'q=' + encodeURIComponent(text);
    return fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(res => res.ok ? res.json() : [])
      .then(items => {
        const chosen = new Set([...document.querySelectorAll(`input[list="${list.id}"]`)].map(el => el.value.trim()));
        const kept = [...list.options].filter(o => chosen.has(o.value));
        const fresh = items.filter(i => !kept.some(o => o.value === i.text)).map(i => {
          const o = document.createElement('option'); o.value = i.text; o.dataset.id = i.id; return o;
        });
        list.replaceChildren(...kept, ...fresh);
        syncPicker(input);
      })
      .catch(() => {});
  }
  document.addEventListener('input', (ev) => {
    const input = ev.target;
    if (!input.dataset?.picker) return;
    syncPicker(input);
    clearTimeout(timers.get(input));
    timers.set(input, setTimeout(() => lookup(input), 200));
  });

  async function pickerErrors(form) {
    const pickers = [...form.querySelectorAll('[data-picker]')];
    await Promise.all(pickers.map(el => { clearTimeout(timers.get(el)); return lookup(el); }));
    const errors = {};
    pickers.forEach(el => { if (!syncPicker(el)) errors[el.dataset.picker] = ['Hãy chọn một mục trong danh sách gợi ý (gõ vài chữ của tên rồi chọn).']; });
    return Object.keys(errors).length ? { title: 'Dữ liệu chưa hợp lệ', detail: 'Có mục chưa chọn đúng trong danh sách gợi ý.', errors } : null;
  }

  // Rows of a repeated group keep consecutive indexes in names, ids and error slots, so the server's
  // "targets[1].dueDate" finds the row the person sees second.
  function renumber(group) {
    const pattern = new RegExp(`${group.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\[\\d+\\]`, 'g');
    document.querySelectorAll(`[data-row-group="${group}"]`).forEach((row, i) => {
      row.querySelectorAll('*').forEach(el => {
        for (const a of ['name', 'id', 'for', 'aria-describedby', 'data-for']) {
          const v = el.getAttribute(a);
          if (v) el.setAttribute(a, v.replace(pattern, `${group}[${i}]`));
        }
      });
    });
  }

  document.addEventListener('click', (ev) => {
    const button = ev.target.closest?.('[data-add-row], [data-remove-row]');
    if (!button) return;
    ev.preventDefault();
    const row = button.closest('[data-row-group]');
    const group = button.dataset.addRow || row.dataset.rowGroup;
    const rows = document.querySelectorAll(`[data-row-group="${group}"]`);
    if (button.dataset.addRow === undefined) {
      const next = row.nextElementSibling?.matches('[data-row-group]') ? row.nextElementSibling : rows[rows.length - 2];
      if (rows.length > 1) { row.remove(); renumber(group); next?.querySelector('input, select, textarea')?.focus(); }
      else clear(row);
      return;
    }
    const last = rows[rows.length - 1];
    const copy = last.cloneNode(true);
    clear(copy);
    last.after(copy);
    renumber(group);
    copy.querySelector('input, select, textarea')?.focus();
  });

  function clear(row) {
    row.querySelectorAll('[name]').forEach(el => { if (el.type === 'checkbox') el.checked = true; else el.value = ''; });
    row.querySelectorAll('[data-picker]').forEach(el => { el.value = ''; });
    row.querySelectorAll('.field-error').forEach(el => el.replaceChildren());
    row.querySelectorAll('[aria-invalid]').forEach(el => el.removeAttribute('aria-invalid'));
  }

  // Sends a form's fields to the button's action (or the form's); answers the reply, or null after showing the refusal.
  async function send(form, button) {
    const multipart = form.dataset.multipart !== undefined;
    const method = form.dataset.method || 'POST';
    const headers = { 'Accept': 'application/json', 'RequestVerificationToken': token() };
    if (!multipart) headers['Content-Type'] = 'application/json';
    const res = await fetch(button?.dataset.action || form.dataset.action, {
      method, credentials: 'same-origin', headers,
      body: method === 'GET' ? undefined : multipart ? new FormData(form) : JSON.stringify(collect(form))
    });
    const text = await res.text();
    // A proxy's or the server's own error page is not JSON: say so in Vietnamese rather than "cannot connect".
    let data = {};
    try { data = text ? JSON.parse(text) : {}; } catch { data = {}; }
    if (!res.ok) {
      showErrors(form, data.status ? data : { title: `Máy chủ không thực hiện được yêu cầu (mã ${res.status}). Vui lòng thử lại sau.` });
      return null;
    }
    return data;
  }

  // What a form holds when the page opens, so an upload beside it knows whether it has changes the reload would lose.
  const initial = new WeakMap();
  document.addEventListener('DOMContentLoaded', () => document.querySelectorAll('form.api-form').forEach(f => initial.set(f, JSON.stringify(collect(f)))));
  const changed = (form) => initial.has(form) && initial.get(form) !== JSON.stringify(collect(form));

  document.addEventListener('submit', async (ev) => {
    const form = ev.target;
    if (!form.classList?.contains('api-form')) return;
    ev.preventDefault();
    const invalid = await pickerErrors(form);
    if (invalid) { showErrors(form, invalid); return; }
    if (form.dataset.confirm && !confirm(form.dataset.confirm)) return;
    // A file form goes as multipart (the browser streams the file); one over the limit is stopped before it is sent.
    const multipart = form.dataset.multipart !== undefined;
    const file = multipart && form.querySelector('input[type=file]');
    if (file && !file.files.length) { showErrors(form, { title: 'Dữ liệu chưa hợp lệ', detail: 'Hãy chọn một tệp.', errors: { [file.name]: ['Hãy chọn một tệp.'] } }); return; }
    if (file && file.files[0].size > Number(form.dataset.maxBytes)) { showErrors(form, { title: 'Tệp quá lớn', errors: { [file.name]: [form.dataset.tooLarge] } }); return; }
    // A second submit button may send the same fields elsewhere (e.g. "save as draft").
    const button = ev.submitter || form.querySelector('button[type=submit]');
    button && (button.disabled = true);
    try {
      // The page reloads after an upload: a form it names (the draft the file belongs to) is saved first if it was changed.
      const first = form.dataset.saveFirst && document.querySelector(form.dataset.saveFirst);
      const draft = first?.querySelector('.actions button[data-action]');
      if (draft && changed(first) && !(await send(first, draft))) {
        showErrors(form, { title: 'Chưa lưu được những thay đổi ở trên nên chưa tải tệp lên. Xem thông báo ở trên.' });
        return;
      }
      const data = await send(form, button);
      if (!data) return;
      // {name} in the address after success: that property of the reply, or else the value of that field of the form.
      let next = button?.dataset.success || form.dataset.success;
      if (next) next = new URL(next.replace(/\{(\w+)\}/g, (_, k) => encodeURIComponent(data[k] ?? form.elements[k]?.value ?? '')), location.href);
      // The same address with only another #part would just scroll: the page is loaded again to show what was saved.
      if (next && next.pathname + next.search !== location.pathname + location.search) location.assign(next);
      else { if (next) history.replaceState(null, '', next); location.reload(); }
    } catch (e) {
      showErrors(form, { detail: 'Không kết nối được tới máy chủ. Vui lòng thử lại.' });
    } finally { button && (button.disabled = false); }
  });
})();

// A running total out of 100 beside a score form ([data-live-total]): each [data-score-max] input's share of its
// maximum, weighted; a gate ([data-gate-min]) below its minimum is named. The server computes the same on save.
(function () {
  const num = (s) => {
    const t = String(s || '').trim().replace(/\.(?=\d{3}(\D|$))/g, '').replace(',', '.');
    return t === '' || isNaN(Number(t)) ? null : Number(t);
  };
  function update(form) {
    const out = form.querySelector('[data-live-total]');
    if (!out) return;
    const inputs = [...form.querySelectorAll('[data-score-max]')];
    const weights = inputs.reduce((a, el) => a + (Number(el.dataset.scoreWeight) > 0 ? Number(el.dataset.scoreWeight) : 0), 0);
    let total = 0, gates = 0;
    for (const el of inputs) {
      const v = num(el.value), max = Number(el.dataset.scoreMax), w = Number(el.dataset.scoreWeight);
      if (v !== null && max > 0 && w > 0 && weights > 0) total += Math.min(Math.max(v, 0), max) / max * w / weights * 100;
      if (el.dataset.gateMin && (v === null || v < Number(el.dataset.gateMin))) gates++;
    }
    out.querySelector('output').textContent = (Math.round(total * 100) / 100).toLocaleString('vi-VN');
    const note = out.querySelector('[data-gate-note]');
    if (note) note.textContent = gates ? `· chưa đạt ${gates} điều kiện bắt buộc` : '';
  }
  document.addEventListener('input', (ev) => { if (ev.target.dataset?.scoreMax !== undefined) update(ev.target.form); });
  document.addEventListener('DOMContentLoaded', () => document.querySelectorAll('[data-live-total]').forEach(el => update(el.closest('form'))));
})();

// A file field in Vietnamese: the browser draws its own button in its own language ("Choose File"), so the input is kept
// (focusable, in its label, read by assistive technology) but drawn as a "Chọn tệp…" button and the chosen file's name.
(function () {
  function dress(input) {
    if (input.dataset.dressed) return;
    input.dataset.dressed = '1';
    const button = document.createElement('span');
    button.className = 'button secondary file-button';
    button.setAttribute('aria-hidden', 'true');
    button.textContent = 'Chọn tệp…';
    const name = document.createElement('span');
    name.className = 'file-name';
    name.setAttribute('aria-hidden', 'true');
    name.textContent = 'Chưa chọn tệp';
    input.classList.add('file-native');
    input.after(button, name);
    input.addEventListener('change', () => {
      name.textContent = input.files.length ? [...input.files].map(f => f.name).join(', ') : 'Chưa chọn tệp';
    });
  }
  document.addEventListener('DOMContentLoaded', () => document.querySelectorAll('input[type=file]').forEach(dress));
})();

// The navigation on a phone: folded into its menu when the page opens (and whenever the screen becomes narrow), open on
// a wide screen where its summary is not drawn. Without this script it stays open, wrapped, every entry reachable.
(function () {
  const narrow = window.matchMedia('(max-width: 640px)');
  const fit = () => document.querySelectorAll('details.nav-menu').forEach(d => { d.open = !narrow.matches; });
  document.addEventListener('DOMContentLoaded', fit);
  narrow.addEventListener('change', fit);
})();
