/*
 * Tracker's first-party tag. Readable source served as is (no build step, no dependencies, ES2017).
 *
 * Install once per page, in the <head> (the set-up page shows it with the site's public key):
 *
 *   <script>
 *     window.tracker=window.tracker||function(){(tracker.q=tracker.q||[]).push(arguments)};
 *     tracker('init', {site: 'PUBLIC_SITE_KEY', endpoint: 'https://TRACKER_HOST'});
 *   </script>
 *   <script async src="https://TRACKER_HOST/t.js"></script>
 *
 * Calls made before this file has loaded wait in tracker.q and are replayed here. Cookies, the
 * session rule, consent and the beacon format are described in README.md ("Collecting from websites").
 *
 * Call tracking (README "Call tracking: number swapping"): after a page view with cookies allowed, the tag
 * asks GET <endpoint>/api/v1/dni/number?site=&vid=&sid=&url=&ref=&consent= for the numbers of this session
 * and shows each instead of its swap target (the business's number): in text, in the format found
 * ((800) 555-0100, 800.555.0100, 800-555-0100, +1 800 555 0100, 1-800-555-0100, plain digits), and in
 * tel: links; also in content added later. It asks again every 5 minutes while the page is visible, and
 * when it becomes visible, to keep the session's hold on a pool number. Without consent where consent is
 * required nothing is asked and nothing swapped.
 */
(function (w, d) {
  'use strict';
  // Installed twice (two snippets, two script tags): the first copy does all the work.
  if (w.__trackerTag) return;
  w.__trackerTag = true;

  var UTM = ['source', 'medium', 'campaign', 'term', 'content'];
  var CLICK_IDS = ['gclid', 'gbraid', 'wbraid', 'fbclid', 'msclkid', 'ttclid', 'li_fat_id', 'trk'];
  var VISITOR_SECONDS = 395 * 86400; // 13 months
  var SESSION_MS = 30 * 60 * 1000; // 30 minutes of inactivity end a session
  var me = d.currentScript;
  var defaultEndpoint = me && me.src ? new URL(me.src).origin : '';

  var cfg = null; // set by init
  var answer = 'none'; // the visitor's consent answer: granted | denied | none
  var cookieDomain = null; // found on first write
  var early = []; // calls made before init
  var pending = []; // hits waiting for the end of this task
  var sentOrders = {}; // action + order id of the conversions sent by this page
  var justInitialised = false; // the first page view and the calls made before init are due
  var lastPageCookieless = false;
  var heartbeat = null; // the timer that renews the session's number holds

  // A random (version 4) UUID; randomUUID exists only on https pages, getRandomValues everywhere.
  function uuid() {
    if (crypto.randomUUID) return crypto.randomUUID();
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 15) | 64; // version 4
    b[8] = (b[8] & 63) | 128; // RFC 4122 variant
    return hex(b).replace(/(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-');
  }

  var hex = (bytes) => Array.from(new Uint8Array(bytes), (x) => (x + 256).toString(16).slice(1)).join('');
  var given = (x) => x != null && x !== '';

  // ---- cookies (first party, on the site's registrable domain) ----

  function readCookie(name) {
    var m = d.cookie.match(new RegExp('(?:^|; )' + name + '=([^;]*)'));
    return m ? m[1] : null;
  }

  function setCookie(name, value, seconds, domain) {
    d.cookie = name + '=' + value + '; Max-Age=' + seconds + '; Path=/; SameSite=Lax'
      + (domain ? '; Domain=' + domain : '') + (location.protocol === 'https:' ? '; Secure' : '');
  }

  // The shortest parent domain the browser lets us set a cookie on (browsers refuse public
  // suffixes such as co.uk or github.io), so www.shop.example and shop.example share the visitor.
  // Single-label hosts (localhost) and IP addresses get host-only cookies.
  function findCookieDomain() {
    if (cfg.cookie_domain) return cfg.cookie_domain;
    var host = location.hostname, parts = host.split('.');
    if (parts.length < 2 || /^[\d.]+$|:/.test(host)) return '';
    for (var i = parts.length - 2; i >= 0; i--) {
      var domain = parts.slice(i).join('.');
      setCookie('_trk_probe', '1', 10, domain);
      if (readCookie('_trk_probe')) {
        setCookie('_trk_probe', '', 0, domain);
        return domain;
      }
    }
    return '';
  }

  function writeCookie(name, value, seconds) {
    if (cookieDomain === null) cookieDomain = findCookieDomain();
    setCookie(name, value, seconds, cookieDomain);
  }

  // Every _trk_ cookie, host-only or on any parent domain.
  function removeCookies() {
    var parts = location.hostname.split('.');
    d.cookie.split('; ').forEach((c) => {
      var name = c.split('=')[0];
      if (name.indexOf('_trk_') !== 0 || name === '_trk_debug') return; // debug mode is the tester's, not the visitor's
      setCookie(name, '', 0, '');
      for (var i = 0; i < parts.length; i++) setCookie(name, '', 0, parts.slice(i).join('.'));
    });
  }

  function cookiesAllowed() {
    return answer === 'granted' || (answer === 'none' && cfg.consent !== 'required');
  }

  // ---- visitor and session ----

  function visitorId() {
    var vid = readCookie('_trk_vid');
    if (!vid || !/^[0-9a-f-]{36}$/.test(vid)) vid = uuid();
    writeCookie('_trk_vid', vid, VISITOR_SECONDS);
    return vid;
  }

  // _trk_sid = "<session id>.<last activity, epoch ms>.<fingerprint of the session's campaign>".
  // A new session starts when there is none, after 30 minutes without a hit, or when a landing
  // carries campaign information (utm_* or a click id) other than the session's; a page without
  // campaign information continues the session. `campaign` is given for page views only.
  function session(campaign) {
    var now = Date.now(), s = (readCookie('_trk_sid') || '').split('.'), starts = false;
    var fp = campaign ? fingerprint(JSON.stringify(campaign)) : null;
    if (!s[0] || !(now - Number(s[1]) < SESSION_MS) || (fp && fp !== s[2])) {
      s = [uuid(), now, fp || ''];
      starts = true;
    }
    writeCookie('_trk_sid', s[0] + '.' + now + '.' + (s[2] || ''), SESSION_MS / 1000);
    return {sid: s[0], starts: starts};
  }

  function fingerprint(text) { // FNV-1a, 32 bits
    var h = 0x811c9dc5;
    for (var i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
    return h.toString(36);
  }

  // ---- what the page's address says (URLSearchParams: '+' is a space, decoded exactly once) ----

  function campaignOf(search) {
    var q = new URLSearchParams(search), utm = {}, click = {}, any = false;
    UTM.forEach((k) => { var v = q.get('utm_' + k); if (v) { utm[k] = v; any = true; } });
    CLICK_IDS.forEach((k) => { var v = q.get(k); if (v) { click[k] = v; any = true; } });
    return any ? {utm: utm, click: click} : null;
  }

  var hasKeys = (o) => Object.keys(o).length > 0;

  // Without consent a click id is an identifier of a person's click: it leaves the hit and its URLs.
  function withoutClickIds(href) {
    if (!href) return href;
    try {
      var u = new URL(href);
      var found = CLICK_IDS.filter((k) => u.searchParams.has(k));
      if (!found.length) return href;
      found.forEach((k) => u.searchParams.delete(k));
      return u.href;
    } catch (e) {
      return undefined;
    }
  }

  // ---- debug mode (README "Debug mode") ----

  // ?tracker_debug=<id> (the set-up page's link) puts this browser in debug mode for 2 hours, kept in a cookie
  // for the next pages; ?tracker_debug=off ends it. Its hits show on the debug page and never in reports.
  var DEBUG_ID = /^dbg_[\w-]{22}$/;
  function debugSession() {
    var asked = new URLSearchParams(location.search).get('tracker_debug');
    if (asked === 'off') {
      writeCookie('_trk_debug', '', 0);
      return null;
    }
    if (asked && DEBUG_ID.test(asked)) {
      writeCookie('_trk_debug', asked, 7200);
      return asked; // this page is in debug mode even where the browser refuses the cookie
    }
    var id = readCookie('_trk_debug');
    return id && DEBUG_ID.test(id) ? id : null;
  }

  // ---- hits and the beacon ----

  function send(type, fields, campaign) {
    var hit = {type: type, id: uuid(), t: new Date().toISOString(), consent: answer};
    if (cookiesAllowed()) {
      var s = session(campaign);
      hit.vid = visitorId();
      hit.sid = s.sid;
      if (s.starts) hit.ss = true;
      hit.url = location.href;
    } else {
      hit.url = withoutClickIds(location.href);
    }
    Object.assign(hit, fields);
    pending.push(hit);
    if (pending.length === 1) Promise.resolve().then(flush); // hits of the same task go together
  }

  function flush() {
    if (d.prerendering) { // a prerendered page counts once it is shown
      d.addEventListener('prerenderingchange', flush, {once: true});
      return;
    }
    if (!pending.length) return;
    var envelope = {v: 1, site: cfg.site, hits: pending};
    if (cfg.debug) envelope.dbg = cfg.debug;
    var body = JSON.stringify(envelope);
    pending = [];
    var url = cfg.endpoint + '/v1/collect', sent = false;
    try {
      sent = navigator.sendBeacon(url, body); // text/plain: no CORS preflight
    } catch (e) { /* no beacon in this browser */ }
    if (!sent && w.fetch) {
      fetch(url, {method: 'POST', body: body, mode: 'no-cors', credentials: 'omit',
        keepalive: body.length < 60000, headers: {'Content-Type': 'text/plain;charset=UTF-8'}})
        .catch(() => { /* nothing to do: a lost hit */ });
    }
  }

  function pageView() {
    var cookieless = !cookiesAllowed(), campaign = campaignOf(location.search), fields = {};
    if (d.referrer) fields.ref = cookieless ? withoutClickIds(d.referrer) : d.referrer;
    if (campaign && hasKeys(campaign.utm)) fields.utm = campaign.utm;
    if (campaign && hasKeys(campaign.click) && !cookieless) fields.click = campaign.click;
    lastPageCookieless = cookieless;
    send('page_view', fields, campaign);
    if (!cookieless) askNumbers(); // after send: the session cookie now names this page's session
  }

  // ---- call tracking: dynamic number insertion ----

  var HEARTBEAT_MS = 5 * 60 * 1000; // renews a hold (30 minutes unless the pool says otherwise) long before it ends
  // Digit groups joined by one or two separators, a group may follow a parenthesised one: "(800) 555-0100",
  // "(800)555-0100", "+1 800.555.0100"; "(24/7)" after a number is not part of it.
  var PHONE = /\+?(?:\(\d+\)[ .\-\u00a0]{0,2})?\d+(?:[ .\-\u00a0]{1,2}(?:\(\d+\)[ .\-\u00a0]{0,2})?\d+)*/g;
  var SKIP = 'script,style,textarea,noscript,[contenteditable]:not([contenteditable="false"])';
  var swaps = []; // {target, from: [E.164 digits of the target and of the number shown before], number, display}
  var shown = {}; // swap target -> the number this page shows for it
  var observer = null;

  var digitsOf = (s) => String(s).replace(/\D/g, '');

  // How many digits of `found` (from the right) are the number with these E.164 digits, written with its
  // country code, without it (1 to 3 digits), or with a national trunk 0 (020 7946 0000 for +44 20 …);
  // 0 when it is another number.
  function sameDigits(found, e164) {
    if (found === e164) return found.length;
    var national = [found, found[0] === '0' ? found.slice(1) : ''];
    for (var i = 0; i < 2; i++) {
      var cc = e164.length - national[i].length;
      if (national[i] && cc >= 1 && cc <= 3 && e164.slice(cc) === national[i]) return national[i].length;
    }
    return 0;
  }

  // The text with every swap target replaced, digit by digit from the right, so the format stays; a
  // number of another length is written the server's way instead (E.164 or national).
  function swapText(text) {
    return text.replace(PHONE, (whole) => {
      var run = whole.replace('(0)', '(o)'); // a trunk 0 beside the country code (+44 (0)20 …) is kept
      var found = digitsOf(run);
      for (var s of swaps) {
        for (var from of s.from) {
          var k = sameDigits(found, from), to = digitsOf(s.number);
          if (!k) continue;
          if (to.length !== from.length) return k === from.length ? s.number : s.display;
          var out = run.split(''), j = to.length;
          for (var i = out.length - 1; i >= 0 && k > 0; i--) {
            if (out[i] >= '0' && out[i] <= '9') { out[i] = to[--j]; k--; }
          }
          return out.join('').replace('(o)', '(0)');
        }
      }
      return whole;
    });
  }

  function telNumber(href) {
    var found = digitsOf(href.slice(4).split(/[;?]/)[0]); // tel:+1-800-555-0100;ext=2 -> 18005550100
    var s = swaps.find((x) => x.from.some((f) => sameDigits(found, f)));
    return s && 'tel:' + s.number;
  }

  // Text nodes and tel: links in and under `node`, outside scripts, styles and editable content.
  function swapIn(node) {
    if (node.nodeType !== 1 && node.nodeType !== 3) return; // comments and the like
    var el = node.nodeType === 1 ? node : node.parentElement;
    if (!el || el.closest(SKIP)) return;
    if (node.nodeType === 3) {
      var text = swapText(node.data);
      if (text !== node.data) node.data = text;
      return;
    }
    var links = Array.from(node.querySelectorAll('[href^="tel:" i]'));
    if (node.matches('[href^="tel:" i]')) links.push(node);
    links.forEach((a) => {
      var href = telNumber(a.getAttribute('href'));
      if (href && href !== a.getAttribute('href') && !a.closest(SKIP)) a.setAttribute('href', href);
    });
    var walk = d.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (var t = walk.nextNode(); t; t = walk.nextNode()) swapIn(t);
  }

  // Swaps in what the page added or changed (records), or in the whole page; the changes made here are
  // then taken out of the observer's queue, so they are not looked at again.
  function swapChanges(records, all) {
    if (!cookiesAllowed()) return; // consent withdrawn: nothing further
    records.forEach((r) => r.type === 'characterData' ? swapIn(r.target) : r.addedNodes.forEach(swapIn));
    if (all) swapIn(d.body);
    observer.takeRecords();
  }

  function useNumbers(numbers) {
    var changed = false;
    numbers.forEach((n) => {
      var from = [digitsOf(n.swap_target)], before = shown[n.swap_target];
      if (before && before !== n.number) from.push(digitsOf(before)); // a new number after a lapsed hold
      if (before !== n.number) changed = true;
      shown[n.swap_target] = n.number;
      swaps = swaps.filter((s) => s.target !== n.swap_target);
      if (n.number !== n.swap_target || before) {
        swaps.push({target: n.swap_target, from: from, number: n.number, display: n.display || n.number});
      }
    });
    if (!changed) return; // a renewed hold: the page shows these numbers already
    var start = () => {
      if (!observer) {
        observer = new MutationObserver((records) => swapChanges(records, false));
        observer.observe(d.body, {childList: true, subtree: true, characterData: true});
      }
      swapChanges(observer.takeRecords(), true);
    };
    if (d.readyState === 'loading') d.addEventListener('DOMContentLoaded', start, {once: true});
    else start();
  }

  // The session's numbers; also the heartbeat that keeps its hold on a pool number. The ids are read,
  // not renewed: only hits extend a session.
  function askNumbers() {
    var vid = readCookie('_trk_vid'), sid = (readCookie('_trk_sid') || '').split('.')[0];
    if (!cookiesAllowed() || !vid || !sid || !w.fetch) return;
    if (d.prerendering) { // no hold for a page the visitor may never see
      d.addEventListener('prerenderingchange', askNumbers, {once: true});
      return;
    }
    if (!heartbeat) {
      heartbeat = setInterval(() => { if (d.visibilityState === 'visible') askNumbers(); }, HEARTBEAT_MS);
      d.addEventListener('visibilitychange', () => { if (d.visibilityState === 'visible') askNumbers(); });
    }
    var q = new URLSearchParams({site: cfg.site, vid: vid, sid: sid, url: location.href, ref: d.referrer,
      consent: answer});
    fetch(cfg.endpoint + '/api/v1/dni/number?' + q, {credentials: 'omit'})
      .then((r) => r.ok ? r.json() : {numbers: []})
      .then((o) => { if (cookiesAllowed() && Array.isArray(o.numbers)) useNumbers(o.numbers); })
      .catch(() => { /* no numbers: the page keeps the business's own */ });
  }

  // ---- the commands ----

  var commands = {
    init(o) {
      if (cfg) return; // a second snippet: the first init wins
      if (!o || !o.site) throw Error('init needs a site key');
      cfg = {site: String(o.site), endpoint: String(o.endpoint || defaultEndpoint).replace(/\/+$/, ''),
        consent: o.consent === 'required' ? 'required' : 'optional', cookie_domain: o.cookie_domain,
        page_view: o.page_view !== false};
      if (answer === 'none' && readCookie('_trk_consent') === 'granted') answer = 'granted';
      if (answer === 'granted') writeCookie('_trk_consent', 'granted', VISITOR_SECONDS);
      if (!cookiesAllowed()) removeCookies();
      cfg.debug = debugSession();
      justInitialised = true;
    },
    consent(value) {
      if (value !== 'granted' && value !== 'denied') throw Error('consent: granted or denied');
      if (!cfg) { answer = value; return; } // applied by init
      var before = cookiesAllowed();
      answer = value;
      if (value === 'denied') {
        removeCookies();
      } else {
        writeCookie('_trk_consent', 'granted', VISITOR_SECONDS);
        // This page was counted without identifiers: count it again for the visitor's journey.
        if (!before && lastPageCookieless) pageView();
      }
    },
    page: pageView,
    event(name, props) {
      if (typeof name !== 'string' || !name) throw Error('event needs a name');
      send('event', props && typeof props === 'object' ? {name: name, props: props} : {name: name});
    },
    conversion(o) {
      o = o || {};
      var fields = {};
      if (o.action) fields.action = String(o.action);
      var value = given(o.value) ? Number(o.value) : NaN; // '12.50' is fine too
      if (isFinite(value)) fields.value = value;
      if (o.currency) fields.currency = String(o.currency);
      // A checkout for SMS cart recovery: the pre-filled cart's address and, only with the shopper's
      // agreement to texts, the number; the browser's time zone places the quiet hours.
      if (o.restore_url) fields.restore_url = String(o.restore_url);
      if (o.sms_consent === true) {
        fields.sms_consent = true;
        if (given(o.phone)) fields.phone = String(o.phone);
        try { fields.tz = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { /* no Intl */ }
      }
      if (given(o.order_id)) {
        fields.order_id = String(o.order_id);
        var key = (fields.action || '') + '\n' + fields.order_id;
        if (sentOrders[key]) return; // once per page load; a reload is the server's order-id dedupe
        sentOrders[key] = true;
      }
      send('conversion', fields);
    },
    identify(o) {
      if (!o || !cookiesAllowed()) return; // without consent nothing may be linked to a person
      var fields = {};
      if (given(o.user_id)) fields.user_id = String(o.user_id);
      var email = typeof o.email === 'string' ? o.email.trim().toLowerCase() : '';
      if (!email || !crypto.subtle) { // no hashing outside a secure context: never send it raw
        if (fields.user_id) send('identify', fields);
        return;
      }
      crypto.subtle.digest('SHA-256', new TextEncoder().encode(email)).then((digest) => {
        fields.email_sha256 = hex(digest);
        if (cookiesAllowed()) send('identify', fields);
      });
    }
  };

  function run(call) {
    var name = call[0];
    try {
      if (!commands.hasOwnProperty(name)) throw Error('unknown command ' + name);
      if (!cfg && name !== 'init' && name !== 'consent') { early.push(call); return; }
      commands[name](...[].slice.call(call, 1));
    } catch (e) {
      console.warn('tracker: ' + e.message);
    }
  }

  // init and consent first, wherever they stand, so the first page view knows both; then the page
  // view, then every other call in its order.
  function replay(calls) {
    var first = calls.filter((c) => c[0] === 'init' || c[0] === 'consent');
    first.forEach(run);
    if (justInitialised) {
      justInitialised = false;
      if (cfg.page_view) pageView();
      var waiting = early;
      early = [];
      waiting.forEach(run);
    }
    calls.filter((c) => first.indexOf(c) < 0).forEach(run);
  }

  var queued = (w.tracker && w.tracker.q) || [];
  w.tracker = function () { replay([arguments]); };
  replay([].slice.call(queued));
})(window, document);
