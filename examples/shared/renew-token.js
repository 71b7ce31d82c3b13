// Token renewal for the example pages: when the user token expires (or the API refuses it), the
// widget asks the site's backend for a fresh one (examples/host-site: /mm-token) and sends the
// call again. `data-as` names the demo user (learner, mentor or admin). Load it before widget.js:
// it queues the command, so it works before the widget has loaded.
(() => {
  const who = document.currentScript?.dataset.as ?? 'learner';
  if (!window.Micromentor) {
    const queue = [];
    window.Micromentor = (...args) => queue.push(args);
    window.Micromentor.q = queue;
  }
  window.Micromentor('tokenProvider', () =>
    fetch(`/mm-token?as=${encodeURIComponent(who)}`).then((response) => response.text()),
  );
})();
