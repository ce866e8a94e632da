//! The usual build's relay layer: the interface of `relay/` (the build with
//! `--features relays`) doing nothing, so that no other module asks which
//! build it is in (`crate::lib` chooses one of the two). `Relays` has no
//! value here, so every `Option<Relays>` is `None` and the compiler drops
//! whatever would use one.

use crate::discussion::Arrivals;
use crate::model::nostr::settings::{SettingProblem, SharingSettings};
use crate::model::{CommentId, Import};
use crate::store::Store;

/// Whether this build has a relay layer.
pub const IN_THIS_BUILD: bool = false;

/// Where a discussion keeps its relay layer: nothing to keep in this build,
/// and no code for keeping it.
#[derive(Clone, Copy)]
pub struct Slot;

impl Slot {
    pub fn new() -> Slot {
        Slot
    }

    pub fn get(&self) -> Option<Relays> {
        None
    }

    pub fn set(&self, relays: Relays) {
        match relays {}
    }
}

/// A relay layer that cannot exist.
#[derive(Clone)]
pub enum Relays {}

impl Relays {
    /// Never shares: the usual build neither reads nor checks the settings
    /// (a page that names relays loads the relay build instead).
    pub fn start(
        _: Arrivals,
        _: &Store,
        _: SharingSettings,
        _: SharingSettings,
        _: &[(String, String)],
    ) -> (Option<Relays>, Vec<SettingProblem>) {
        (None, Vec::new())
    }

    pub fn stop(&self) {
        match *self {}
    }

    pub fn posted(&self, _: &CommentId) {
        match *self {}
    }

    pub fn restored(&self, _: &CommentId) {
        match *self {}
    }

    pub fn edited(&self, _: &CommentId) {
        match *self {}
    }

    pub fn deleted(&self, _: &CommentId) {
        match *self {}
    }

    pub fn liked(&self, _: &CommentId, _: bool) {
        match *self {}
    }

    pub fn heard_outbox(&self, _: &str, _: Option<&str>) {
        match *self {}
    }

    pub fn adopt_identity(&self, _: &Import) {
        match *self {}
    }
}

/// The relay build's views (`relay/views.rs`): here, nothing to show.
pub mod views {
    use super::Slot;
    use crate::model::nostr::settings::SettingProblem;
    use crate::model::storage::export::Identity;
    use crate::model::{CommentId, Text};
    use leptos::prelude::IntoView;

    pub fn delivery(_: Slot, _: &CommentId, _: Text) -> impl IntoView + use<> {}

    pub fn loading_older(_: Slot, _: Text) -> impl IntoView + use<> {}

    pub fn busy(_: Slot) -> Option<&'static str> {
        None
    }

    pub fn new_replies(_: crate::discussion::Discussion, _: Text) -> impl IntoView + use<> {}

    pub fn moderation(_: Slot, _: &CommentId, _: &str, _: Text) -> impl IntoView + use<> {}

    pub fn hidden_mark(_: Slot, _: &CommentId, _: Text) -> impl IntoView + use<> {}

    pub fn moderation_refusal(_: Slot, _: Text) -> impl IntoView + use<> {}

    pub fn edit_note(_: Slot, _: Text) -> impl IntoView + use<> {}

    pub fn audience(_: Slot, text: Text) -> &'static str {
        text.local_only
    }

    /// Only shared threads have a key: never offered.
    pub fn key_choice(_: Slot, _: Text) -> (impl IntoView + use<>, impl Fn() -> Option<Identity> + use<>) {
        // A closure, not a fn pointer: the compiler sees the None and keeps
        // no code for an identity.
        ((), || None)
    }

    pub fn setting_problems(_: &[SettingProblem], _: Text) -> impl IntoView + use<> {}
}
