use super::FormattedText;
use super::comment_field::{CommentField, FieldMessages, refuse_oversized_insert};
use crate::discussion::use_discussion;
use crate::model::writing::validate::Field;
use crate::model::{CommentId, Draft, DraftErrors, DraftSlot, FieldError, NAME_LIMITS};
use leptos::html;
use leptos::prelude::*;
use std::time::Duration;

/// How long typing pauses before a draft is saved.
const DRAFT_DELAY: Duration = Duration::from_millis(300);

/// The form for a new comment (`parent: None`) or a reply. It checks the
/// draft with the model's rules, shows what to fix next to each field, keeps
/// unsent text as a draft that survives a reload, and never clears text that
/// was not posted.
#[component]
pub fn Composer(
    draft_slot: DraftSlot,
    #[prop(optional, into)] parent: Option<CommentId>,
    title: String,
    /// For a reply box: closes it (after posting, or "Cancel").
    #[prop(optional)]
    on_close: Option<Callback<()>>,
) -> impl IntoView {
    let Some(discussion) = use_discussion() else {
        return ().into_any();
    };
    let slot = draft_slot;
    let text = discussion.text();
    let name = discussion.name();
    let body = RwSignal::new(discussion.draft(&slot));
    let errors = RwSignal::new(DraftErrors::default());
    // Once a post was refused, errors follow the typing so they vanish when fixed.
    let recheck_as_typed = RwSignal::new(false);
    let failure = RwSignal::new(None::<String>);
    // A paste too large to take, refused before it was inserted.
    let refused = RwSignal::new(None::<String>);
    let status = RwSignal::new(String::new());
    let previewing = RwSignal::new(false);
    let name_ref = NodeRef::<html::Input>::new();
    let text_ref = NodeRef::<html::Textarea>::new();
    // Each keystroke bumps the generation; a pending draft save runs only if
    // nothing was typed (or posted) since.
    let draft_generation = StoredValue::new(0u64);
    // The generation last saved (or posted).
    let saved_generation = StoredValue::new(0u64);

    let save_draft_soon = {
        let (discussion, slot) = (discussion.clone(), slot.clone());
        move || {
            draft_generation.update_value(|g| *g += 1);
            let generation = draft_generation.get_value();
            let (discussion, slot) = (discussion.clone(), slot.clone());
            set_timeout(
                move || {
                    if draft_generation.try_get_value() == Some(generation) {
                        discussion.save_draft(&slot, &body.get_untracked());
                        saved_generation.set_value(generation);
                    }
                },
                DRAFT_DELAY,
            );
        }
    };

    // Typing not saved yet when the composer goes (the widget re-rendered in
    // another language, or removed): saved now.
    on_cleanup({
        let (discussion, slot) = (discussion.clone(), slot.clone());
        move || {
            let generation = draft_generation.try_get_value();
            if generation.is_some()
                && generation != saved_generation.try_get_value()
                && let Some(typed) = body.try_get_untracked()
            {
                discussion.save_draft(&slot, &typed);
            }
        }
    });

    let draft = move || Draft { name: name.get_untracked(), text: body.get_untracked() };
    let recheck = move || {
        if recheck_as_typed.get_untracked() {
            errors.set(draft().check().err().unwrap_or_default());
        }
    };
    let submit = {
        let (discussion, slot, parent) = (discussion.clone(), slot.clone(), parent.clone());
        move || {
            status.set(String::new());
            let post = match draft().check() {
                Ok(post) => post,
                Err(found) => {
                    recheck_as_typed.set(true);
                    if found.name.is_some() {
                        name_ref.get_untracked().map(|input| input.focus());
                    } else {
                        text_ref.get_untracked().map(|input| input.focus());
                    }
                    errors.set(found);
                    return;
                }
            };
            recheck_as_typed.set(false);
            errors.set(DraftErrors::default());
            match discussion.post(parent.clone(), post) {
                Ok(_) => {
                    draft_generation.update_value(|g| *g += 1);
                    saved_generation.set_value(draft_generation.get_value());
                    discussion.save_draft(&slot, "");
                    body.set(String::new());
                    if let Some(input) = text_ref.get_untracked() {
                        input.set_value("")
                    }
                    failure.set(None);
                    status.set(text.posted.into());
                    match on_close {
                        Some(close) => close.run(()),
                        None => {
                            text_ref.get_untracked().map(|input| input.focus());
                        }
                    }
                }
                Err(error) => failure.set(Some(error.describe(&text))),
            }
        }
    };

    // A reply box opens ready to type.
    if parent.is_some() {
        Effect::new(move |_| {
            if let Some(input) = text_ref.get() {
                let _ = input.focus();
            }
        });
    }

    let id_prefix = format!("{}-{}", discussion.id_prefix(), slot.name());
    let set_name = {
        let discussion = discussion.clone();
        move |typed: String| discussion.set_name(typed)
    };
    let name_id = format!("{id_prefix}-name");
    let text_id = format!("{id_prefix}-text");
    let hint_id = format!("{text_id}-hint");
    let invalid = |error: Option<FieldError>| error.map(|_| "true");
    let submit_on_click = submit.clone();
    let on_send = Callback::new({
        let submit = submit.clone();
        move |()| submit()
    });
    let on_text_input = Callback::new(move |()| {
        recheck();
        save_draft_soon();
    });
    let cancel = on_close.map(|close| {
        view! {
            <button class="agora-button agora-button--secondary" type="button" on:click=move |_| close.run(())>
                {text.cancel}
            </button>
        }
    });

    view! {
        // `dialog` outside a dialog submits nowhere: Post on a copy written
        // ahead of time (`crate::prerender::element`), before the widget has
        // started or without JavaScript, must not load the host page again
        // with the comment in its address. The widget's handler posts.
        <form
            method="dialog"
            class="agora-composer"
            part="composer"
            novalidate
            on:submit=move |event| {
                event.prevent_default();
                submit();
            }
        >
            <h3 class="agora-composer__title">{title}</h3>
            <div class="agora-field">
                <label class="agora-field__label" for=name_id.clone()>{text.name}</label>
                <input
                    class="agora-field__input"
                    id=name_id.clone()
                    name="name"
                    type="text"
                    autocomplete="nickname"
                    required
                    node_ref=name_ref
                    aria-invalid=move || invalid(errors.with(|e| e.name))
                    aria-describedby=format!("{name_id}-error {name_id}-counter")
                    prop:value=move || name.get()
                    on:beforeinput=move |event| {
                        refused.set(refuse_oversized_insert(&event).map(|characters| text.insert_refused(characters)))
                    }
                    on:input=move |event| {
                        set_name(event_target_value(&event));
                        recheck();
                    }
                />
                <FieldMessages
                    field_id=name_id
                    error=Signal::derive(move || errors.with(|e| e.name.map(|e| text.field_error(Field::Name, e))))
                    value=name
                    limits=NAME_LIMITS
                />
            </div>
            <div class="agora-field">
                <CommentField
                    id=text_id
                    label=text.comment.to_string()
                    value=body
                    error=Signal::derive(move || errors.with(|e| e.text.map(|e| text.field_error(Field::Text, e))))
                    rows=5
                    node_ref=text_ref
                    on_input=on_text_input
                    on_send
                    on_refused=Callback::new(move |refusal| refused.set(refusal))
                    described_by=hint_id.clone()
                />
            </div>
            {move || previewing.get().then(|| view! {
                <section class="agora-preview" aria-label=text.preview>
                    <p class="agora-preview__label" aria-hidden="true">{text.preview}</p>
                    {move || {
                        let shown = body.get();
                        if shown.trim().is_empty() {
                            view! { <p class="agora-preview__empty">{text.nothing_to_preview}</p> }.into_any()
                        } else {
                            view! { <FormattedText text=shown /> }.into_any()
                        }
                    }}
                </section>
            })}
            <p class="agora-composer__failure" role="alert">{move || refused.get().or_else(|| failure.get())}</p>
            <div class="agora-composer__actions">
                // Posting runs on the click itself: a sandboxed iframe without
                // `allow-forms` blocks form submission before `submit` fires.
                // Preventing the default stops that submission, so it runs once.
                <button
                    class="agora-button"
                    part="button"
                    type="submit"
                    on:click=move |event| {
                        event.prevent_default();
                        submit_on_click();
                    }
                >
                    {text.post}
                </button>
                <button
                    class="agora-button agora-button--secondary"
                    type="button"
                    aria-pressed=move || previewing.get().to_string()
                    on:click=move |_| previewing.update(|on| *on = !*on)
                >
                    {text.preview}
                </button>
                {cancel}
                <p class="agora-composer__hint" id=hint_id>
                    <kbd>"Ctrl"</kbd>"+"<kbd>"Enter"</kbd>{text.shortcut_hint}
                </p>
            </div>
            <p class="agora-visually-hidden" role="status">{move || status.get()}</p>
        </form>
    }
    .into_any()
}
