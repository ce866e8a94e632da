//! The shared discussion on Nostr relays, as pure rules: the events agora
//! writes ([`build`]), their ids and signatures ([`event`], [`keys`]),
//! proof of work ([`pow`]), and what the events relays return mean for a
//! thread ([`shared`]). The network is `relay`'s business.

pub mod build;
pub mod event;
pub mod keys;
pub mod outbox;
pub mod pow;
pub mod settings;
pub mod shared;

pub use event::{Event, Invalid, Unsigned};
pub use shared::{Own, Shared, View};
