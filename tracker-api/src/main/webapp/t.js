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
      if (name.indexOf('_trk_') !== 0) return;
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
    var body = JSON.stringify({v: 1, site: cfg.site, hits: pending});
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
