//! The shared discussion on Nostr relays, as pure rules: the events agora
//! writes ([`build`]), their ids and signatures ([`event`], [`keys`]), what
//! relays say ([`message`]), proof of work ([`pow`]), the page a thread is
//! about ([`scope`]), paging through what a relay holds ([`paging`]), what
//! the events relays return mean for a thread ([`shared`]), a moderator's
//! list ([`moderation`]), and what to ask relays for ([`requests`]). The
//! network is `relay`'s business.

pub mod build;
pub mod event;
pub mod keys;
pub mod message;
pub mod moderation;
pub mod outbox;
pub mod paging;
pub mod pow;
pub mod requests;
pub mod scope;
pub mod settings;
pub mod shared;

pub use event::{Event, Invalid, Unsigned};
pub use shared::{Own, Shared, View};
