//! English, the built-in language.

use super::strings::{Forms, NamedAges, Strings};

pub const EN: Strings = Strings {
    code: "en",
    digit_group_separator: ",",

    comments: Forms::one_other("{n} Comment", "{n} Comments"),
    sort_group: "Sort comments",
    sort_label: "Sort:",
    oldest: "Oldest",
    newest: "Newest",
    most_liked: "Most liked",
    show_more: "Show {n} more",
    loading: "Loading the article\u{2026}",

    just_now: "just now",
    ago: "{amount} ago",
    minutes: Forms::one_other("{n} minute", "{n} minutes"),
    hours: Forms::one_other("{n} hour", "{n} hours"),
    days: Forms::one_other("{n} day", "{n} days"),
    weeks: Forms::one_other("{n} week", "{n} weeks"),
    months: Forms::one_other("{n} month", "{n} months"),
    years: Forms::one_other("{n} year", "{n} years"),
    named_ages: NamedAges {
        yesterday: Some("yesterday"),
        day_before_yesterday: None,
        last_week: Some("last week"),
        last_month: Some("last month"),
        last_year: Some("last year"),
    },
    month_names: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    full_time: "{month} {day}, {year} at {hour12}:{minute} {period}",
    day_periods: ["AM", "PM"],

    reply: "Reply",
    reply_to: "Reply to {name}",
    reply_title: "Reply to {name}",
    like: "Like",
    like_label: "Like {n}: {name}\u{2019}s comment",
    link: "Link",
    link_label: "Link to {name}\u{2019}s comment",
    edit: "Edit",
    delete: "Delete",
    deleted: "[deleted]",
    edited: "edited",
    replies_folded: Forms::one_other("[+] {n} reply", "[+] {n} replies"),
    show_replies: Forms::one_other("Show {n} reply", "Show {n} replies"),
    hide_replies: "Hide replies",
    comment_deleted: "Comment deleted.",
    undo: "Undo",

    join: "Join the discussion",
    name: "Name",
    comment: "Comment",
    post: "Post comment",
    preview: "Preview",
    nothing_to_preview: "Nothing to preview yet.",
    cancel: "Cancel",
    shortcut_hint: " posts too",
    posted: "Your comment was posted.",
    edit_label: "Edit your comment",
    save: "Save",
    name_empty: "Please enter your name.",
    text_empty: "Please write a comment.",
    name_too_long: "Your name is {over} too long: {max} characters at most.",
    text_too_long: "Your comment is {over} too long: {max} characters at most. Your text is kept; shorten it to post.",
    characters: Forms::one_other("{n} character", "{n} characters"),
    insert_refused: "Not added: that is {size}, and a comment holds {max} at most. What you had written is unchanged.",
    counter_left: "{left} left",
    counter_over: "{over} over the limit",

    storage_unavailable: "This browser does not let the page keep data, so comments posted here are shown during this visit only and will be gone when you leave.",
    storage_full: "this browser\u{2019}s storage for the site is full.",
    storage_failed: "the browser could not save it ({error}).",
    not_posted: "Your comment was not posted: {reason} Your text is still here.",
    not_edited: "Your edit was not saved: {reason} Your text is still here.",
    not_deleted: "The comment was not deleted: {reason}",
    not_restored: "The comment could not be restored: {reason}",
    like_not_saved: "The like was not saved: {reason}",
    only_own: "Only comments posted from this browser can be changed.",

    your_comments: "Your comments",
    export: "Export my comments",
    import: "Import comments\u{2026}",
    downloaded: "Downloaded {file}.",
    download_failed: "The file could not be downloaded: the browser refused.",
    imported: "Imported {comments} and {likes}.",
    new_comments: Forms::one_other("{n} new comment", "{n} new comments"),
    likes: Forms::one_other("{n} like", "{n} likes"),
    not_imported: "Nothing was imported: {reason}",
    import_no_file: "no file was chosen.",
    import_unreadable: "the browser could not read the file.",
    import_too_large: "the file is far larger than an agora export can be.",
    import_not_export: "this file is not an agora export.",
    import_other_thread: "the file holds the comments of another discussion (\u{201c}{thread}\u{201d}).",
    import_bad_comment: "comment {index} in the file is not valid (its \u{201c}{field}\u{201d}).",
    import_bad_like: "like {index} in the file is not valid.",

    unknown_theme: "The theme \u{201c}{theme}\u{201d} is not known; use light, dark or auto. Following the reader\u{2019}s setting instead.",
    bad_thread: "The thread name \u{201c}{thread}\u{201d} cannot be used: use 1 to {max} letters, digits, \u{201c}-\u{201d}, \u{201c}_\u{201d} or \u{201c}.\u{201d}.",
    article_unreachable: "The article could not be loaded from {url}: the server did not answer, or it does not allow this site to read the file (CORS).",
    article_status: "The article could not be loaded from {url}: the server answered {status}.",
    article_not_json: "The article from {url} could not be read: it is not valid JSON (line {line}, column {column}).",
    article_missing: "The article from {url} could not be used: it has no \u{201c}{field}\u{201d}.",
    article_wrong_type: "The article from {url} could not be used: \u{201c}{field}\u{201d} is not of the kind the article format says.",
    article_empty: "The article from {url} could not be used: \u{201c}{field}\u{201d} is empty.",
    article_bad_comment: "The article from {url} could not be used: comment {index} has an empty \u{201c}author\u{201d} or \u{201c}text\u{201d}.",

    #[cfg(any(feature = "relays", not(target_arch = "wasm32")))]
    bad_relay: "The relay \u{201c}{relay}\u{201d} cannot be used: give wss:// addresses (ws:// only on this computer).",
    #[cfg(any(feature = "relays", not(target_arch = "wasm32")))]
    bad_moderator: "The moderator key \u{201c}{key}\u{201d} cannot be used: give public keys as 64 hexadecimal digits.",
    #[cfg(any(feature = "relays", not(target_arch = "wasm32")))]
    bad_pow: "The proof of work \u{201c}{pow}\u{201d} cannot be used: give a number of bits from 0 to 28.",

    local_only: "Comments stay in this browser: no one else sees them.",
    reply_unavailable: "Reply to a comment that is not available",
    #[cfg(any(feature = "relays", not(target_arch = "wasm32")))]
    shared_publicly: "Comments are public: signed with a key kept in this browser and shared with every reader through Nostr relays.",
    #[cfg(any(feature = "relays", not(target_arch = "wasm32")))]
    delivery_local: "Only in this browser",
    #[cfg(any(feature = "relays", not(target_arch = "wasm32")))]
    delivery_waiting: "Waiting to be sent",
    #[cfg(any(feature = "relays", not(target_arch = "wasm32")))]
    delivery_sent: Forms::one_other("Sent to {sent} of {n} relay", "Sent to {sent} of {n} relays"),
    #[cfg(any(feature = "relays", not(target_arch = "wasm32")))]
    delivery_refused: "Refused by {relay}: {reason}",
    #[cfg(any(feature = "relays", not(target_arch = "wasm32")))]
    delivery_hidden: "Hidden from other readers by a moderator",
    #[cfg(any(feature = "relays", not(target_arch = "wasm32")))]
    edit_shared: "Other readers will see your edit as a new comment: the first version is deleted from the relays.",
    #[cfg(any(feature = "relays", not(target_arch = "wasm32")))]
    export_key: "Include my signing key",
    #[cfg(any(feature = "relays", not(target_arch = "wasm32")))]
    export_key_warning: "Anyone with the file can post as you. Keep it private.",
    #[cfg(any(feature = "relays", not(target_arch = "wasm32")))]
    loading_older: "Loading older comments\u{2026}",
};
