/// The web desk's stylesheet and script, served at `/desk/desk.css` and `/desk/desk.js`: plain
/// CSS and JavaScript, no build step.
enum DeskAssets {
    static let css = """
        :root { font-family: system-ui, sans-serif; color: #1b1b1b; background: #f6f6f4; }
        body { margin: 0; }
        .bar { display: flex; gap: 1rem; align-items: center; padding: .6rem 1rem; background: #1d3557; color: #fff; }
        .bar .brand { color: #fff; font-weight: 700; text-decoration: none; margin-right: auto; }
        main { padding: 1rem; max-width: 72rem; margin: 0 auto; }
        .card { background: #fff; max-width: 24rem; margin: 3rem auto; padding: 1.5rem; border: 1px solid #ccc; border-radius: .4rem; }
        label { display: block; margin: .8rem 0; }
        input { display: block; width: 100%; box-sizing: border-box; padding: .5rem; font-size: 1rem; margin-top: .2rem; }
        button { font-size: 1rem; padding: .45rem .9rem; border: 2px solid #1d3557; border-radius: .3rem; background: #fff; color: #1d3557; cursor: pointer; }
        button:focus-visible, a:focus-visible, input:focus-visible { outline: 3px solid #e76f51; outline-offset: 2px; }
        .bar button { border-color: #fff; background: transparent; color: #fff; }
        .error { color: #9b1c1c; font-weight: 600; }
        .error::before { content: "⚠ "; }
        table { width: 100%; border-collapse: collapse; background: #fff; margin-bottom: 1.5rem; }
        th, td { text-align: left; padding: .5rem; border-bottom: 1px solid #ddd; vertical-align: top; }
        td .error { margin: .3rem 0 0; font-size: .9rem; }
        .status { padding: .1rem .4rem; border: 1px solid currentColor; border-radius: .3rem; font-size: .9rem; }
        .count { font-weight: 400; color: #555; }
        .empty { color: #555; font-style: italic; }
        .locations a { margin-right: 1rem; }
        .locations a[aria-current] { font-weight: 700; }
        .hidden { position: absolute; left: -10000px; }
        .search { margin: 0; }
        .search label { margin: 0; display: flex; gap: .4rem; align-items: center; }
        .search input { width: 11rem; margin: 0; padding: .3rem; }
        .actions { margin: 1rem 0; }
        .amount { text-align: right; }
        form.inline { display: flex; gap: 1rem; align-items: end; flex-wrap: wrap; }
        form.inline label { margin: 0; }
        .kiosk { max-width: 40rem; margin: 2rem auto; text-align: center; }
        .kiosk input { font-size: 2rem; text-align: center; }
        .kiosk-answer { font-size: 2.2rem; font-weight: 700; min-height: 3rem; }
        .kiosk-answer.refused { color: #9b1c1c; }
        .kiosk-answer.refused::before { content: "⚠ "; }
        select { font-size: 1rem; padding: .45rem; display: block; margin-top: .2rem; }
        .bar { flex-wrap: wrap; gap: .5rem 1rem; }
        nav.desk { display: flex; flex-wrap: wrap; gap: .4rem 1rem; }
        nav.desk a { color: #fff; white-space: nowrap; }
        fieldset { border: 1px solid #ccc; background: #fff; margin: 1rem 0; }
        label.pick { display: flex; gap: .5rem; align-items: center; margin: .4rem 0; }
        label.pick input, label input[type=checkbox] { width: auto; display: inline; margin: 0; }
        .calendar { background: #fff; border: 1px solid #ccc; }
        .cal-row { display: grid; grid-template-columns: 10rem repeat(7, 1fr); gap: 2px; padding: .3rem; border-bottom: 1px solid #eee; }
        .cal-head { font-weight: 700; }
        .cal-name { grid-column: 1; grid-row: 1; }
        .cal-bar { display: block; padding: .2rem .4rem; border-radius: .3rem; color: #1b1b1b; text-decoration: none; font-size: .9rem;
                   border: 1px solid #888; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; background: #e9ecef; }
        .cal-bar.pending { background: #fff3bf; }
        .cal-bar.confirmed { background: #d0ebff; }
        .cal-bar.checked_in, .cal-bar.active { background: #b2f2bb; }
        .cal-bar.completed { background: #dee2e6; }
        .cal-bar.cancelled, .cal-bar.no_show, .cal-bar.expired { background: #ffe3e3; text-decoration: line-through; }
        .board { display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: .8rem; }
        .board .card { margin: 0; max-width: none; }
        .chart { width: 100%; height: 10rem; background: #fff; border: 1px solid #ccc; }
        .chart rect { fill: #1d3557; }
        .chart.rows { width: 300px; max-width: 100%; height: auto; display: block; }
        .axis { display: flex; justify-content: space-between; margin: .2rem 0; color: #555; font-size: .9rem; }
        .chart text { font-size: 12px; fill: #1b1b1b; }
        @media (max-width: 40rem) {
          main { padding: .5rem; }
          table { display: block; overflow-x: auto; }
          .cal-row { grid-template-columns: 5rem repeat(7, minmax(2.5rem, 1fr)); font-size: .8rem; }
          .search input { width: 8rem; }
        }
        .figures { display: flex; flex-wrap: wrap; gap: .4rem 1.5rem; padding: 0; list-style: none; }
        dl.figures dt { font-weight: 700; }
        dl.figures dd { margin: 0 1rem 0 0; }
        .shown output { font-family: monospace; word-break: break-all; }
        """

    static let js = """
        (function () {
          'use strict';

          // A problem document (application/problem+json) as one line a person can act on.
          function describe(problem) {
            if (!problem) { return 'The server could not be reached. Try again.'; }
            if (problem.errors) { return problem.errors.map(function (e) { return e.message; }).join('; '); }
            return problem.detail || problem.title || 'Something went wrong.';
          }

          async function send(method, path, body, headers) {
            var options = { method: method, credentials: 'same-origin', headers: headers || {} };
            if (body !== undefined) {
              options.headers['Content-Type'] = 'application/json';
              options.body = JSON.stringify(body);
            }
            try {
              var response = await fetch(path, options);
              var data = response.status === 204 ? null : await response.json().catch(function () { return null; });
              return { ok: response.ok, data: data };
            } catch (error) {
              return { ok: false, data: null };
            }
          }

          function show(element, text) { element.textContent = text; element.hidden = false; }

          // Sign-in and invitation forms: sent as JSON; a refusal is shown beside the button.
          document.querySelectorAll('form[data-api]').forEach(function (form) {
            form.addEventListener('submit', async function (event) {
              event.preventDefault();
              var error = form.querySelector('.error');
              error.hidden = true;
              var body = Object.fromEntries(new FormData(form));
              // Amounts typed in major units (95.00) are sent in minor units (9500).
              form.querySelectorAll('input[data-decimals]').forEach(function (input) {
                if (input.value === '') { return; }
                body[input.name] = Math.round(parseFloat(input.value.replace(',', '.')) * Math.pow(10, Number(input.dataset.decimals)));
              });
              // A checkbox is a yes or no; those of a list (`data-list`) send the values ticked.
              form.querySelectorAll('input[type=checkbox]:not([data-list])').forEach(function (input) { body[input.name] = input.checked; });
              form.querySelectorAll('input[type=checkbox][data-list]').forEach(function (input) { body[input.name] = []; });
              form.querySelectorAll('input[type=checkbox][data-list]:checked').forEach(function (input) { body[input.name].push(input.value); });
              // A field left empty is not sent; `damage.amount` is sent as {damage: {amount}}.
              Object.keys(body).forEach(function (name) {
                var value = body[name];
                delete body[name];
                if (value === '') { return; }
                var path = name.split('.'), into = body;
                path.slice(0, -1).forEach(function (key) { into = into[key] = into[key] || {}; });
                into[path[path.length - 1]] = value;
              });
              if (body.confirm !== undefined) {
                if (body.confirm !== body.password) { show(error, 'The two passwords differ.'); return; }
                delete body.confirm;
              }
              var result = await send('POST', form.dataset.api, body);
              if (!result.ok) { show(error, describe(result.data)); }
              // What the answer carries once (an invitation's link, a key's secret), shown beside the form.
              else if (form.dataset.show) {
                var shown = form.querySelector('.shown');
                shown.querySelector('output').textContent = result.data[form.dataset.show];
                shown.hidden = false;
                form.reset();
              }
              else if (form.dataset.next === 'reload') { window.location.reload(); }
              // `/bookings/{number}`: a field of the answer.
              else { window.location.assign(form.dataset.next.replace(/\\{(\\w+)\\}/g, function (_, key) { return result.data[key]; })); }
            });
          });

          var signOut = document.getElementById('sign-out');
          if (signOut) {
            signOut.addEventListener('click', async function () {
              await send('DELETE', '/api/v1/sessions/current');
              window.location.assign('/sign-in');
            });
          }

          // A live page's part (`#live`: today's lists, who is in), read again after a button or an event.
          async function refresh() {
            var lists = document.getElementById('live');
            if (!lists) { window.location.reload(); return; }
            try {
              var response = await fetch(window.location.href, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } });
              if (!response.ok) { return; }
              var page = new DOMParser().parseFromString(await response.text(), 'text/html');
              var fresh = page.getElementById('live');
              if (fresh) { lists.replaceWith(fresh); }
            } catch (error) { /* the next event tries again */ }
          }

          // The one right button of a row: the booking's step, with the version the page showed.
          document.addEventListener('click', async function (event) {
            var button = event.target.closest('button.act');
            if (!button) { return; }
            var error = button.parentElement.querySelector('.error');
            error.hidden = true;
            button.disabled = true;
            var body = JSON.parse(button.dataset.body || '{}');
            if (button.dataset.ask === 'reason') {
              var reason = window.prompt('Why? (kept in the history)');
              if (!reason) { button.disabled = false; return; }
              body.reason = reason;
            }
            if (button.dataset.ask === 'confirm' && !window.confirm(button.textContent + '?')) { button.disabled = false; return; }
            var method = button.dataset.method || 'POST';
            var result = await send(method, button.dataset.path, method === 'DELETE' ? undefined : body,
                                    button.dataset.version ? { 'If-Match': '"' + button.dataset.version + '"' } : {});
            if (result.ok) { await refresh(); } else { button.disabled = false; show(error, describe(result.data)); }
          });

          // The kiosk: each code read toggles its member's visit at the location, said in large type.
          var kiosk = document.getElementById('kiosk');
          if (kiosk) {
            var words = { check_in: 'Welcome: you are checked in.', check_out: 'Goodbye: you are checked out.',
                          stale: 'Already done a moment ago.' };
            kiosk.addEventListener('submit', async function (event) {
              event.preventDefault();
              var input = kiosk.elements.code;
              var answer = document.getElementById('kiosk-answer');
              var result = await send('POST', '/api/v1/scan', { code: input.value, location_id: kiosk.dataset.location,
                                                                method: 'kiosk', device: 'web kiosk' });
              answer.className = 'kiosk-answer ' + (result.ok ? result.data.step : 'refused');
              var stats = result.ok && result.data.checkin.member_stats;
              answer.textContent = result.ok
                ? words[result.data.step] + (stats ? ' Visit ' + stats.total_visits + ', streak ' + stats.current_streak + '.' : '')
                : describe(result.data);
              input.value = '';
              input.focus();
            });
          }

          // Another desk's changes, live: the page's events (`data-types`), from the page's moment.
          var live = document.querySelector('[data-stream]');
          if (live && live.dataset.stream && window.EventSource) {
            var source = new EventSource(live.dataset.stream);
            var pending = null;
            var later = function () { clearTimeout(pending); pending = setTimeout(refresh, 150); };
            live.dataset.types.split(',').forEach(function (type) { source.addEventListener(type, later); });
          }
        })();
        """
}
