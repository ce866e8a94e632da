use crate::browser::{download, now_ms, read_chosen_file};
use crate::discussion::use_discussion;
use crate::model::export::{Identity, export, read_import};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Export all of the reader's comments and likes of this thread as one JSON
/// file, and import such a file (merged without duplicates; a file that is
/// not valid changes nothing).
#[component]
pub fn Transfer() -> impl IntoView {
    let Some(d) = use_discussion() else {
        return ().into_any();
    };
    let text = d.text;
    let message = RwSignal::new(None::<String>);
    let input_id = format!("{}-import", d.id_prefix);
    // With relays: the signing key goes into the file only when asked for.
    let (key_choice, chosen_key) = key_choice(&d);
    let export_file = {
        let d = d.clone();
        move |_| {
            let key = chosen_key();
            let json = d.thread.with_untracked(|thread| export(&d.thread_id, thread, now_ms(), key));
            let name = format!("agora-{}-comments.json", d.thread_id.as_str());
            message.set(Some(match download(&name, &json) {
                Ok(()) => text.downloaded(&name),
                Err(()) => text.download_failed.to_string(),
            }));
        }
    };
    let import_file = move |event: leptos::ev::Event| {
        let d = d.clone();
        let input = event_target::<web_sys::HtmlInputElement>(&event);
        spawn_local(async move {
            let outcome = match read_chosen_file(&input).await {
                Ok(raw) => import_text(&d, &raw),
                Err(problem) => Err(text.import_error(&problem)),
            };
            input.set_value("");
            let _ = message.try_set(Some(outcome.unwrap_or_else(|error| error)));
        });
    };
    view! {
        <section class="agora-transfer" aria-label=text.your_comments>
            <button class="agora-button agora-button--secondary" type="button" on:click=export_file>
                {text.export}
            </button>
            <input
                class="agora-transfer__file agora-visually-hidden"
                id=input_id.clone()
                type="file"
                accept="application/json,.json"
                on:change=import_file
            />
            <label class="agora-button agora-button--secondary" for=input_id>{text.import}</label>
            {key_choice}
            <p class="agora-transfer__message" role="status">{move || message.get()}</p>
        </section>
    }
    .into_any()
}

fn import_text(d: &crate::discussion::Discussion, raw: &str) -> Result<String, String> {
    let import = read_import(&d.thread_id, raw).map_err(|error| d.text.import_error(&error))?;
    let new = d.thread.with_untracked(|thread| import.new_to(thread));
    d.store.import(&new).map_err(|error| d.text.not_imported(&error.describe(&d.text)))?;
    d.thread.update(|thread| {
        thread.merge(new.comments.clone());
        new.likes.iter().for_each(|id| {
            thread.set_liked(id, true);
        });
    });
    adopt_identity(d, &new);
    Ok(d.text.imported(new.comments.len(), new.likes.len()))
}

/// "Include my signing key", with what that means, for a shared thread; and
/// the key to export (`None` unless the reader ticked it).
#[cfg(feature = "relays")]
fn key_choice(
    d: &crate::discussion::Discussion,
) -> (Option<impl IntoView + use<>>, impl Fn() -> Option<Identity> + use<>) {
    use crate::relay::Relays;
    let text = d.text;
    let with_key = RwSignal::new(false);
    let store = d.store.clone();
    let relays = d.relays;
    let chosen = move || {
        let key = store.nostr_key().filter(|_| with_key.get_untracked())?;
        let events = relays.with_value(|relays| relays.as_ref().map(Relays::own_events)).unwrap_or_default();
        Some(Identity { key, events })
    };
    let choice = d.is_shared().then(|| {
        view! {
            <label class="agora-transfer__key">
                <input type="checkbox" prop:checked=move || with_key.get() on:change=move |e| with_key.set(event_target_checked(&e)) />
                " " {text.export_key}
            </label>
            {move || with_key.get().then(|| view! { <p class="agora-transfer__warning" role="alert">{text.export_key_warning}</p> })}
        }
    });
    (choice, chosen)
}

/// The usual build never offers the key (only shared threads have one).
#[cfg(not(feature = "relays"))]
fn key_choice(_: &crate::discussion::Discussion) -> ((), impl Fn() -> Option<Identity> + use<>) {
    // A closure, not a fn pointer: the compiler sees the None and keeps no
    // code for an identity.
    ((), || None)
}

/// A key from another browser becomes this one's, unless it has its own; the
/// events of the imported comments become this reader's, so that their
/// copies on relays are not shown beside them as someone else's.
#[cfg(feature = "relays")]
fn adopt_identity(d: &crate::discussion::Discussion, new: &crate::model::Import) {
    let Some(identity) = &new.nostr else { return };
    let key = d.store.nostr_key();
    if key.is_none() {
        let _ = d.store.set_nostr_key(&identity.key);
    }
    if key.is_none() || key.as_deref() == Some(identity.key.as_str()) {
        d.relays.with_value(|relays| relays.iter().for_each(|relays| relays.adopt(&identity.events)));
    }
}

#[cfg(not(feature = "relays"))]
fn adopt_identity(_: &crate::discussion::Discussion, _: &crate::model::Import) {}
