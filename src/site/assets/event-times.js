// Adds an event's times in the visitor's own time zone, when the visitor's clock differs
// from both zones the page already shows (the event's and the institute's). The server
// cannot know the visitor's zone; without this script the page is complete as it is.
/* global document */
(function () {
  'use strict';

  const RANGE = {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  };

  function offset(zone, date) {
    const part = new Intl.DateTimeFormat('en-GB', { timeZone: zone, timeZoneName: 'longOffset' })
      .formatToParts(date)
      .find((p) => p.type === 'timeZoneName');
    return part ? part.value : zone;
  }

  function zoneName(zone, locale, date) {
    const part = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'longGeneric' })
      .formatToParts(date)
      .find((p) => p.type === 'timeZoneName');
    return part ? part.value : zone;
  }

  function show(element) {
    const visitor = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const start = new Date(element.dataset.starts);
    const end = new Date(element.dataset.ends);
    const shown = element.dataset.zones.split(' ');
    const sameAs = (zone) => [start, end].every((date) => offset(zone, date) === offset(visitor, date));
    if (!visitor || shown.some(sameAs)) return;
    const locale = element.dataset.locale;
    const range = new Intl.DateTimeFormat(locale, { ...RANGE, timeZone: visitor }).formatRange(start, end);
    element.textContent = element.dataset.template
      .replace('{time}', range)
      .replace('{zone}', zoneName(visitor, locale, start));
    element.hidden = false;
  }

  document.querySelectorAll('[data-visitor-time]').forEach(show);
})();
