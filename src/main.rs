//! The WebAssembly's entry points, called from JavaScript: `public/boot.js`
//! (the standalone page) and `public/embed.js` (the `<agora-thread>` element).
//! Nothing runs on load.

include!("entry_points.rs");
