// The waiting-room screen, live: the queue's public event stream adds each call as it happens. The page works
// without this file (it reloads itself from a <noscript> refresh); nothing here ever shows more than numbers and desks.
(function () {
  'use strict';

  var root = document.getElementById('queue-display');
  if (!root) return;
  var limit = Number(root.getAttribute('data-limit')) || 8;
  var timeZone = root.getAttribute('data-time-zone') || undefined;
  var body = document.getElementById('display-calls');
  var rowTemplate = document.getElementById('display-row');
  var calls = [];
  var waiting = null;
  var loading = false;
  var pending = [];

  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (whole, name) {
      return name in values ? String(values[name]) : whole;
    });
  }

  function show(id, visible) {
    var element = document.getElementById(id);
    if (element) element.hidden = !visible;
  }

  function setText(id, text) {
    var element = document.getElementById(id);
    if (element && element.textContent !== text) element.textContent = text;
  }

  // calledAt is the centre's local time with its offset: its clock time is the text at 11–16
  function clockOf(calledAt) {
    return String(calledAt).slice(11, 16);
  }

  function render() {
    body.textContent = '';
    calls.forEach(function (call, index) {
      var row = rowTemplate.content.firstElementChild.cloneNode(true);
      var cells = row.children;
      cells[0].textContent = String(call.number);
      cells[1].textContent = call.desk;
      cells[2].textContent = clockOf(call.calledAt);
      if (index === 0) {
        row.className = 'queue-display-newest';
        var marker = document.createElement('span');
        marker.className = 'sr-only';
        marker.textContent = ' (' + root.getAttribute('data-newest-text') + ')';
        cells[0].appendChild(marker);
      }
      body.appendChild(row);
    });
    var latest = calls[0];
    show('display-none', !latest);
    root.querySelector('.queue-display-call').hidden = !latest;
    if (latest) {
      setText('display-latest-number', String(latest.number));
      setText('display-latest-desk', latest.desk);
      setText(
        'display-latest-text',
        fill(root.getAttribute('data-latest-text'), { number: latest.number, desk: latest.desk }),
      );
    }
    if (waiting !== null)
      setText('display-waiting', fill(root.getAttribute('data-waiting-text'), { count: waiting }));
  }

  // a recalled number moves to the top; the list keeps the last `limit` numbers
  function apply(call) {
    calls = calls.filter(function (known) {
      return known.number !== call.number;
    });
    calls.unshift({ number: call.number, desk: call.desk, calledAt: call.calledAt });
    calls = calls.slice(0, limit);
    if (typeof call.waiting === 'number') waiting = call.waiting;
  }

  // after each (re)connection: the calls made while the stream was down, then the calls that came meanwhile
  function refresh() {
    loading = true;
    pending = [];
    window
      .fetch(root.getAttribute('data-state'), { headers: { Accept: 'application/json' }, cache: 'no-store' })
      .then(function (response) {
        if (!response.ok) throw new Error('display ' + response.status);
        return response.json();
      })
      .then(function (state) {
        calls = state.calls.slice(0, limit);
        waiting = state.waiting;
        pending.forEach(apply);
        render();
      })
      .catch(function () {
        pending.forEach(apply);
        if (pending.length) render();
      })
      .then(function () {
        loading = false;
        pending = [];
      });
  }

  function connect() {
    var source = new window.EventSource(root.getAttribute('data-events'));
    source.addEventListener('open', function () {
      show('display-live', true);
      show('display-offline', false);
      refresh();
    });
    source.addEventListener('call', function (event) {
      var call = JSON.parse(event.data);
      if (loading) {
        pending.push(call);
        return;
      }
      apply(call);
      render();
    });
    source.addEventListener('error', function () {
      show('display-live', false);
      show('display-offline', true);
      // a stream the server refused for good is not retried by the browser: the page starts over
      if (source.readyState === window.EventSource.CLOSED)
        window.setTimeout(function () {
          window.location.reload();
        }, 10000);
    });
  }

  function tick() {
    var clock = document.getElementById('display-clock');
    if (!clock) return;
    var now = new Date();
    // HH:mm as the server writes it, whatever the locale's separator
    clock.textContent = new Intl.DateTimeFormat('en-GB', {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: timeZone,
    }).format(now);
    clock.setAttribute('datetime', now.toISOString());
  }

  document.addEventListener('DOMContentLoaded', function () {
    window.setInterval(tick, 1000);
    if (window.EventSource && window.fetch) connect();
    // without a stream the script-off refresh does the work
    else
      window.setTimeout(function () {
        window.location.reload();
      }, 10000);
  });
})();
