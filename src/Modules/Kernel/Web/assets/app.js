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
      else if (typeof v === 'string' && v === '' && el.dataset.empty !== 'keep') v = null;
      setPath(body, el.name, v);
    }
    for (const k of Object.keys(body)) if (Array.isArray(body[k])) body[k] = body[k].filter(x => x !== undefined);
    return body;
  }

  function showErrors(form, problem) {
    const box = form.querySelector('.form-error');
    form.querySelectorAll('.field-error').forEach(e => e.textContent = '');
    const errors = problem.errors || {};
    const unplaced = [];
    for (const [key, msgs] of Object.entries(errors)) {
      const target = [...form.querySelectorAll('.field-error')].find(e => e.dataset.for.toLowerCase() === key.toLowerCase());
      if (target) target.textContent = msgs.join(' '); else unplaced.push(...msgs);
    }
    const text = [problem.detail || problem.title || 'Không thực hiện được thao tác.', ...unplaced.filter(m => m !== problem.detail)].join(' ');
    box.textContent = text; box.hidden = false; box.focus?.();
  }

  // "Thêm dòng": copy the last row of a repeated group, renumbering its field names and clearing its values.
  document.addEventListener('click', (ev) => {
    const button = ev.target.closest?.('[data-add-row]');
    if (!button) return;
    ev.preventDefault();
    const group = button.dataset.addRow;
    const rows = document.querySelectorAll(`[data-row-group="${group}"]`);
    const last = rows[rows.length - 1];
    const copy = last.cloneNode(true);
    const index = rows.length;
    copy.querySelectorAll('[name]').forEach(el => {
      el.name = el.name.replace(new RegExp(`^${group}\\[\\d+\\]`), `${group}[${index}]`);
      if (el.type === 'checkbox') el.checked = true; else el.value = '';
    });
    copy.querySelectorAll('[data-for]').forEach(el => {
      el.dataset.for = el.dataset.for.replace(new RegExp(`^${group}\\[\\d+\\]`), `${group}[${index}]`);
      el.textContent = '';
    });
    last.after(copy);
    copy.querySelector('input, select, textarea')?.focus();
  });

  document.addEventListener('submit', async (ev) => {
    const form = ev.target;
    if (!form.classList?.contains('api-form')) return;
    ev.preventDefault();
    if (form.dataset.confirm && !confirm(form.dataset.confirm)) return;
    const button = form.querySelector('button[type=submit]');
    button && (button.disabled = true);
    try {
      const method = form.dataset.method || 'POST';
      const res = await fetch(form.dataset.action, {
        method, credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', 'RequestVerificationToken': token() },
        body: method === 'GET' ? undefined : JSON.stringify(collect(form))
      });
      const text = await res.text();
      const data = text ? JSON.parse(text) : {};
      if (!res.ok) { showErrors(form, data.status ? data : { title: 'Lỗi ' + res.status }); return; }
      let next = form.dataset.success;
      if (next) { next = next.replace(/\{(\w+)\}/g, (_, k) => encodeURIComponent(data[k] ?? '')); location.assign(next); }
      else location.reload();
    } catch (e) {
      showErrors(form, { detail: 'Không kết nối được tới máy chủ. Vui lòng thử lại.' });
    } finally { button && (button.disabled = false); }
  });
})();
