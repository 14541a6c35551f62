using Microsoft.AspNetCore.Http;

namespace Emulation.Review.Scoring;

/// <summary>The scorecard page's live total: the same sum as <c>RubricScore.Total</c> (each score's share of its maximum,
/// weighted, out of 100), recomputed in the browser as the reviewer types. The server computes it again on saving.</summary>
public static class LiveTotalScript
{
    public const string Path = "/tham-dinh/tong-diem.js";

    const string Source = """
(function () {
  const form = document.querySelector('form.scorecard'); if (!form) return;
  const parse = s => { s = String(s || '').trim().replace(/\./g, '').replace(',', '.'); const n = Number(s); return s === '' || isNaN(n) ? null : n; };
  function total() {
    const cells = [...form.querySelectorAll('.score-cell')];
    const weights = cells.reduce((a, c) => a + Math.max(0, Number(c.dataset.weight)), 0);
    let sum = 0;
    for (const c of cells) {
      const v = parse(c.querySelector('input').value), max = Number(c.dataset.max), w = Number(c.dataset.weight);
      if (v !== null && max > 0 && w > 0 && weights > 0) sum += Math.min(Math.max(v, 0), max) / max * w / weights * 100;
    }
    document.getElementById('live-total').textContent = (Math.round(sum * 100) / 100).toLocaleString('vi-VN');
  }
  form.addEventListener('input', total);
  total();
})();
""";

    public static IResult Get() => Results.Text(Source, "text/javascript; charset=utf-8");
}
