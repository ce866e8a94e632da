//! What the reader sees of the relay layer, for the components to place:
//! each comment's delivery, "Loading older comments…", what sharing means
//! for an edit and an export, and settings that cannot be used. The usual
//! build's `off.rs` has the same functions, showing nothing.

use super::Slot;
use crate::discussion::Discussion;
use crate::model::nostr::moderation::Target;
use crate::model::nostr::outbox::Delivery;
use crate::model::nostr::settings::SettingProblem;
use crate::model::storage::export::Identity;
use crate::model::{CommentId, Text};
use leptos::prelude::*;

/// How far the reader's own comment got on its way to relays, in words and
/// an icon.
pub fn delivery(relays: Slot, id: &CommentId, text: Text) -> impl IntoView + use<> {
    let (id, status) = (id.clone(), relays.status());
    let state = Memo::new(move |_| status.and_then(|status| status.delivery_of(&id)));
    move || {
        state.get().map(|state| {
            let kind = match state {
                Delivery::Local => "local",
                Delivery::Waiting => "waiting",
                Delivery::Sent { .. } => "sent",
                Delivery::Refused { .. } => "refused",
                Delivery::Hidden => "hidden",
                Delivery::Pending => "pending",
            };
            view! { <span class="agora-comment__delivery" data-state=kind role="status">{text.delivery(&state)}</span> }
        })
    }
}

/// `aria-busy` on the discussion until relays have first sent the whole
/// thread (see `Status::busy`); nothing once they have, or without relays.
pub fn busy(relays: Slot) -> impl Fn() -> Option<&'static str> + Copy + use<> {
    let status = relays.status();
    move || status.is_some_and(|status| status.busy.get()).then_some("true")
}

/// While relays are still sending older comments, says so: the count and
/// the list are not the whole thread yet.
pub fn loading_older(relays: Slot, text: Text) -> impl IntoView + use<> {
    let status = relays.status();
    move || {
        status
            .is_some_and(|status| status.loading_older.get())
            .then(|| view! { <p class="agora-thread__loading" role="status">{text.loading_older}</p> })
    }
}

/// At the top of the thread, for a returning reader: "2 new replies to
/// you", each a link that shows the reply (unfolded, on its page,
/// highlighted). Only relays bring other readers' replies, so the usual
/// build never shows it.
pub fn new_replies(discussion: Discussion, text: Text) -> impl IntoView + use<> {
    let replies = Memo::new({
        let discussion = discussion.clone();
        move |_| discussion.new_replies_to_reader()
    });
    move || {
        let replies = replies.get();
        (!replies.is_empty()).then(|| {
            let links = replies
                .iter()
                .map(|reply| {
                    let (discussion, id) = (discussion.clone(), reply.id.clone());
                    let href = format!("#comment-{id}");
                    let excerpt: String = reply.text().chars().take(EXCERPT).collect();
                    let cut = reply.text().chars().nth(EXCERPT).is_some();
                    let show = move |event: leptos::ev::MouseEvent| {
                        // Not through the address: a host page's own use of
                        // its hash is left alone.
                        event.prevent_default();
                        discussion.reveal(&id, true);
                    };
                    view! {
                        <li>
                            <a href=href on:click=show>
                                <span class="agora-replies__author" dir="auto">{reply.author().to_string()}</span>
                                ": "
                                <span dir="auto">{excerpt} {cut.then_some("\u{2026}")}</span>
                            </a>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="agora-replies" role="status">
                    <h3 class="agora-replies__title">{text.new_replies(replies.len())}</h3>
                    <ul class="agora-replies__list">{links}</ul>
                </section>
            }
        })
    }
}

/// How much of a reply the notice quotes, in characters.
const EXCERPT: usize = 80;

/// A moderator's actions on another reader's comment: hide or unhide it,
/// and every comment by its author; approve its author where the thread
/// is approval first and they are not approved yet.
pub fn moderation(relays: Slot, id: &CommentId, author: &str, text: Text) -> impl IntoView + use<> {
    let (id, author, status) = (id.clone(), author.to_string(), relays.status());
    move || {
        let status = status.filter(|status| status.moderator.get())?;
        let key = relays.get()?.author_of(&id)?;
        let list = status.my_list.get();
        let listed = |target: &Target| list.as_ref().is_some_and(|list| target.is_in(list));
        let (comment, by_author) = (Target::Comment(id.to_string()), Target::Author(key.clone()));
        let (hide_comment, hide_author) = (!listed(&comment), !listed(&by_author));
        let (label, accessible) = text.moderate_comment(&author, hide_comment);
        let act = move |target: Target, hide: bool| {
            move |_| {
                if let Some(relays) = relays.get() {
                    relays.moderate(target.clone(), hide);
                }
            }
        };
        let pending = status.pending.with(|pending| pending.contains(&id));
        let approve = pending.then(|| {
            view! {
                <button class="agora-action agora-action--moderate" type="button"
                    on:click=move |_| if let Some(relays) = relays.get() { relays.approve(key.clone()) }>
                    {text.approve_author(&author)}
                </button>
            }
        });
        Some(view! {
            {approve}
            <button class="agora-action agora-action--moderate" type="button" aria-label=accessible
                on:click=act(comment, hide_comment)>
                {label}
            </button>
            <button class="agora-action agora-action--moderate" type="button" on:click=act(by_author, hide_author)>
                {text.moderate_author(&author, hide_author)}
            </button>
        })
    }
}

/// On a comment that only a moderator sees: hidden by the moderators'
/// lists, or waiting for approval.
pub fn hidden_mark(relays: Slot, id: &CommentId, text: Text) -> impl IntoView + use<> {
    let (id, status) = (id.clone(), relays.status());
    move || {
        let status = status?;
        let said = if status.hidden.with(|hidden| hidden.contains(&id)) {
            text.hidden_by_moderator
        } else if status.pending.with(|pending| pending.contains(&id)) {
            text.awaiting_approval
        } else {
            return None;
        };
        Some(view! { <span class="agora-comment__hidden">{said}</span> })
    }
}

/// Why the moderator's last change was not made, at the top of the thread.
pub fn moderation_refusal(relays: Slot, text: Text) -> impl IntoView + use<> {
    let status = relays.status();
    move || {
        let refusal = status.and_then(|status| status.refusal.get())?;
        Some(view! { <p class="agora-notice agora-notice--error" role="alert">{text.moderation_refusal(refusal)}</p> })
    }
}

/// What other readers will see of an edit, where the thread is shared:
/// relays cannot change a comment, so the edit is a new one.
pub fn edit_note(relays: Slot, text: Text) -> impl IntoView + use<> {
    relays.is_shared().then(|| view! { <p class="agora-edit__note">{text.edit_shared}</p> })
}

/// Who reads what is posted here, in words.
pub fn audience(relays: Slot, text: Text) -> &'static str {
    if relays.is_shared() { text.shared_publicly } else { text.local_only }
}

/// "Include my signing key", with what that means, for a shared thread; and
/// the identity to export (`None` unless the reader ticked it).
pub fn key_choice(relays: Slot, text: Text) -> (Option<impl IntoView + use<>>, impl Fn() -> Option<Identity> + use<>) {
    let with_key = RwSignal::new(false);
    let choice = relays.is_shared().then(|| {
        view! {
            <label class="agora-transfer__key">
                <input type="checkbox" prop:checked=move || with_key.get() on:change=move |e| with_key.set(event_target_checked(&e)) />
                " " {text.export_key}
            </label>
            {move || with_key.get().then(|| view! { <p class="agora-transfer__warning" role="alert">{text.export_key_warning}</p> })}
        }
    });
    let chosen = move || relays.get().filter(|_| with_key.get_untracked()).and_then(|relays| relays.identity());
    (choice, chosen)
}

/// Each shared-discussion setting that cannot be used, said once.
pub fn setting_problems(problems: &[SettingProblem], text: Text) -> impl IntoView + use<> {
    problems
        .iter()
        .map(|problem| view! { <p class="agora-notice agora-notice--error" role="alert">{text.sharing_problem(problem)}</p> })
        .collect_view()
}
