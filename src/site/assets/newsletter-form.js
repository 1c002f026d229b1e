// Solves the newsletter form's proof-of-work challenge in the background (ALTCHA's SHA-256
// scheme: find the number whose hash of salt + number the server asked for). Without this
// script the form still works; the server then allows fewer sign-ups per connection.
/* global document, window, fetch, crypto, TextEncoder */
(function () {
  'use strict';

  function hex(buffer) {
    return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
  }

  async function solve(challenge) {
    const encoder = new TextEncoder();
    for (let n = 0; n <= challenge.maxnumber; n++) {
      const digest = await crypto.subtle.digest('SHA-256', encoder.encode(challenge.salt + n));
      if (hex(digest) === challenge.challenge) return n;
    }
    return undefined;
  }

  async function proofFor(form) {
    const response = await fetch(form.dataset.challenge, { credentials: 'omit', cache: 'no-store' });
    if (!response.ok) return '';
    const challenge = await response.json();
    const number = await solve(challenge);
    if (number === undefined) return '';
    const payload = {
      algorithm: challenge.algorithm,
      challenge: challenge.challenge,
      number,
      salt: challenge.salt,
      signature: challenge.signature,
    };
    return window.btoa(JSON.stringify(payload));
  }

  function arm(form) {
    const field = form.querySelector('input[name="pow"]');
    if (!field || !window.crypto || !crypto.subtle) return;
    let pending;
    const start = () => {
      pending =
        pending ||
        proofFor(form)
          .catch(() => '')
          .then((proof) => (field.value = proof));
      return pending;
    };
    // Start when the reader shows interest, so idle page views cost nothing.
    form.addEventListener('focusin', start, { once: true });
    form.addEventListener('submit', (event) => {
      if (field.value) return;
      event.preventDefault();
      const button = form.querySelector('button[type="submit"]');
      if (button) button.setAttribute('aria-busy', 'true');
      start().then(() => form.submit());
    });
  }

  document.querySelectorAll('form[data-challenge]').forEach(arm);
})();
