// The coordinator dashboard's charts; the figures come in the page as JSON (no inline script, for the CSP).
const data = JSON.parse(document.getElementById('dashboard-data').textContent);
const bar = (id, counts, options) => {
  const canvas = document.getElementById(id);
  const labels = Object.keys(counts);
  // Horizontal bars get a line each, so that every country and type keeps its label.
  if (options && options.indexAxis === 'y') {
    canvas.parentElement.style.height = Math.max(200, 40 + 22 * labels.length) + 'px';
  }
  return new Chart(canvas, {
    type: 'bar',
    data: { labels: labels, datasets: [{ label: 'Applications', data: Object.values(counts), backgroundColor: '#0b5394' }] },
    options: Object.assign({ animation: false, maintainAspectRatio: false, plugins: { legend: { display: false } },
      scales: { x: { ticks: { precision: 0 } }, y: { ticks: { precision: 0, autoSkip: false } } } }, options || {})
  });
};
bar('chart-status', data.byStatus);
bar('chart-category', data.byCategory);
bar('chart-type', data.byOrganisationType, { indexAxis: 'y' });
bar('chart-country', data.byCountry, { indexAxis: 'y' });
new Chart(document.getElementById('chart-judges'), {
  type: 'bar',
  data: {
    labels: data.judges.map(j => j.code),
    datasets: [
      { label: 'Done', data: data.judges.map(j => j.done), backgroundColor: '#2e7d32' },
      { label: 'Open, on time', data: data.judges.map(j => j.open - j.overdue), backgroundColor: '#90a4ae' },
      { label: 'Overdue', data: data.judges.map(j => j.overdue), backgroundColor: '#b00020' }
    ]
  },
  options: { animation: false, maintainAspectRatio: false,
    scales: { x: { stacked: true }, y: { stacked: true, ticks: { precision: 0 } } } }
});
