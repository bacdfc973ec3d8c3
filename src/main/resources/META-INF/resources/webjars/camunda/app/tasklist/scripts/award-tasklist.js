// Tasklist as judges and panel members need it: a confirmation after each completed task, and none of the tools
// their work does not use (creating tasks, starting processes, changing a task's groups). Coordinators, who may also
// use Cockpit, keep every tool.
const style = document.createElement('style');
style.textContent = `
  .award-worker .create-task-action, .award-worker .start-process-action, .award-worker .task-card .actors .groups { display: none !important; }
  .award-confirmation { position: fixed; top: 60px; left: 50%; transform: translateX(-50%); z-index: 2000; max-width: 40em;
    background: #e7f4e4; color: #1d4a17; border: 1px solid #7bb36f; border-radius: 4px; padding: 12px 44px 12px 16px;
    font-size: 15px; box-shadow: 0 2px 8px rgba(0,0,0,.2); }
  .award-confirmation button { position: absolute; top: 6px; right: 8px; border: 0; background: none; font-size: 20px; color: inherit; }
`;
document.head.appendChild(style);

const root = document.querySelector('base').getAttribute('app-root');

// Asked again after a log-in and on each navigation: the script loads once, often before anyone has logged in.
function checkUser() {
  fetch(root + '/api/admin/auth/user/default', {credentials: 'same-origin', headers: {Accept: 'application/json'}})
    .then(answer => (answer.ok ? answer.json() : null))
    .then(user => {
      const apps = (user && user.authorizedApps) || [];
      document.documentElement.classList.toggle('award-worker', !!user && !apps.includes('cockpit') && !apps.includes('admin'));
    })
    .catch(() => {});
}
checkUser();
window.addEventListener('hashchange', checkUser);

function confirm(taskName) {
  document.querySelectorAll('.award-confirmation').forEach(old => old.remove());
  const box = document.createElement('div');
  box.className = 'award-confirmation';
  box.setAttribute('role', 'status');
  box.textContent = 'Done: "' + taskName + '" is completed and saved. It has left your list; thank you.';
  const close = document.createElement('button');
  close.type = 'button';
  close.setAttribute('aria-label', 'Close');
  close.textContent = '\u00d7';
  close.addEventListener('click', () => box.remove());
  box.appendChild(close);
  document.body.appendChild(box);
}

// Tasklist sends a completed form with one request; its success is the moment to confirm, with the task's name as shown.
const open = XMLHttpRequest.prototype.open;
const send = XMLHttpRequest.prototype.send;
XMLHttpRequest.prototype.open = function (method, url) {
  this.awardCompletes = method === 'POST' && /\/task\/[^/]+\/(submit-form|complete)$/.test(String(url));
  this.awardLogsIn = method === 'POST' && /\/auth\/user\/[^/]+\/login\//.test(String(url));
  return open.apply(this, arguments);
};
XMLHttpRequest.prototype.send = function () {
  if (this.awardLogsIn) {
    this.addEventListener('load', checkUser);
  }
  if (this.awardCompletes) {
    const heading = document.querySelector('.task-card .names h2.task');
    const name = heading ? heading.textContent.trim() : 'The task';
    this.addEventListener('load', () => {
      if (this.status >= 200 && this.status < 300) {
        confirm(name);
      }
    });
  }
  return send.apply(this, arguments);
};

export default [];
