// Loads a YouTube or Vimeo player only when the reader presses play. Until then the page
// shows a poster served by this site and makes no request to the provider. Without this
// script the play button is an ordinary link to the video on the provider's own site.
/* global document */
(function () {
  'use strict';

  function play(event) {
    const stage = event.currentTarget.closest('[data-video-embed]');
    if (!stage) return;
    event.preventDefault();
    const frame = document.createElement('iframe');
    // The server only writes player URLs for validated ids, and the CSP's frame-src allows
    // nothing but the two player hosts.
    frame.src = stage.dataset.videoEmbed;
    frame.title = stage.dataset.videoTitle;
    frame.allow = 'autoplay; encrypted-media; fullscreen; picture-in-picture';
    frame.allowFullscreen = true;
    stage.replaceChildren(frame);
    frame.focus();
  }

  document.querySelectorAll('[data-video-embed] [data-video-play]').forEach((link) => {
    link.addEventListener('click', play);
  });
})();
