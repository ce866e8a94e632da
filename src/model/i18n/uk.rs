//! Ukrainian.

use super::strings::{Forms, NamedAges, Strings};

/// Ukrainian tells one, few and many apart for whole numbers; `other` is
/// for fractions, which agora never counts, and reads as many.
const fn one_few_many(one: &'static str, few: &'static str, many: &'static str) -> Forms {
    Forms { one: Some(one), few: Some(few), many: Some(many), ..Forms::other(many) }
}

pub const UK: Strings = Strings {
    code: "uk",
    digit_group_separator: "\u{a0}",

    comments: one_few_many("{n} коментар", "{n} коментарі", "{n} коментарів"),
    sort_group: "Порядок коментарів",
    sort_label: "Порядок:",
    oldest: "Спершу старі",
    newest: "Спершу нові",
    most_liked: "Найпопулярніші",
    show_more: "Показати ще {n}",
    loading: "Завантаження статті\u{2026}",

    just_now: "щойно",
    ago: "{amount} тому",
    minutes: one_few_many("{n} хвилину", "{n} хвилини", "{n} хвилин"),
    hours: one_few_many("{n} годину", "{n} години", "{n} годин"),
    days: one_few_many("{n} день", "{n} дні", "{n} днів"),
    weeks: one_few_many("{n} тиждень", "{n} тижні", "{n} тижнів"),
    months: one_few_many("{n} місяць", "{n} місяці", "{n} місяців"),
    years: one_few_many("{n} рік", "{n} роки", "{n} років"),
    named_ages: NamedAges {
        yesterday: Some("учора"),
        day_before_yesterday: Some("позавчора"),
        last_week: Some("минулого тижня"),
        last_month: Some("минулого місяця"),
        last_year: Some("минулого року"),
    },
    month_names: [
        "січня",
        "лютого",
        "березня",
        "квітня",
        "травня",
        "червня",
        "липня",
        "серпня",
        "вересня",
        "жовтня",
        "листопада",
        "грудня",
    ],
    full_time: "{day} {month} {year} р. о {hour}:{minute}",
    day_periods: ["дп", "пп"],

    reply: "Відповісти",
    reply_to: "Відповісти на коментар {name}",
    reply_title: "Відповідь на коментар {name}",
    like: "Подобається",
    like_label: "Подобається {n}: коментар {name}",
    link: "Посилання",
    link_label: "Посилання на коментар {name}",
    edit: "Редагувати",
    delete: "Видалити",
    deleted: "[видалено]",
    edited: "змінено",
    replies_folded: one_few_many("[+] {n} відповідь", "[+] {n} відповіді", "[+] {n} відповідей"),
    show_replies: one_few_many("Показати {n} відповідь", "Показати {n} відповіді", "Показати {n} відповідей"),
    hide_replies: "Сховати відповіді",
    comment_deleted: "Коментар видалено.",
    undo: "Повернути",

    join: "Долучайтеся до обговорення",
    name: "Ім\u{2019}я",
    comment: "Коментар",
    post: "Надіслати коментар",
    preview: "Попередній перегляд",
    nothing_to_preview: "Поки що нічого показати.",
    cancel: "Скасувати",
    shortcut_hint: " також надсилає",
    posted: "Ваш коментар опубліковано.",
    edit_label: "Редагувати коментар",
    save: "Зберегти",
    name_empty: "Будь ласка, вкажіть ім\u{2019}я.",
    text_empty: "Будь ласка, напишіть коментар.",
    name_too_long: "Ім\u{2019}я задовге на {over}: щонайбільше {max} символів.",
    text_too_long: "Коментар задовгий на {over}: щонайбільше {max} символів. Текст збережено — скоротіть його, щоб надіслати.",
    characters: one_few_many("{n} символ", "{n} символи", "{n} символів"),
    insert_refused: "Не додано: це {size}, а коментар вміщує щонайбільше {max}. Уже написане не змінилося.",
    counter_left: "залишилось {left}",
    counter_over: "на {over} більше за ліміт",

    storage_unavailable: "Цей браузер не дозволяє сторінці зберігати дані, тож коментарі, опубліковані тут, буде видно лише під час цього відвідування.",
    storage_full: "сховище браузера для цього сайту заповнене.",
    storage_failed: "браузер не зміг його зберегти ({error}).",
    not_posted: "Коментар не надіслано: {reason} Ваш текст нікуди не зник.",
    not_edited: "Зміни не збережено: {reason} Ваш текст нікуди не зник.",
    not_deleted: "Коментар не видалено: {reason}",
    not_restored: "Коментар не вдалося повернути: {reason}",
    like_not_saved: "Вподобання не збережено: {reason}",
    only_own: "Змінювати можна лише коментарі, надіслані з цього браузера.",

    your_comments: "Ваші коментарі",
    export: "Експортувати мої коментарі",
    import: "Імпортувати коментарі\u{2026}",
    downloaded: "Завантажено {file}.",
    download_failed: "Не вдалося завантажити файл: браузер не дозволив.",
    imported: "Імпортовано {comments} і {likes}.",
    new_comments: one_few_many("{n} новий коментар", "{n} нові коментарі", "{n} нових коментарів"),
    likes: one_few_many("{n} вподобання", "{n} вподобання", "{n} вподобань"),
    not_imported: "Нічого не імпортовано: {reason}",
    import_no_file: "файл не вибрано.",
    import_unreadable: "браузер не зміг прочитати файл.",
    import_too_large: "файл набагато більший, ніж може бути експорт agora.",
    import_not_export: "це не файл експорту agora.",
    import_other_thread: "у файлі коментарі іншого обговорення (\u{201c}{thread}\u{201d}).",
    import_bad_comment: "коментар {index} у файлі некоректний (поле \u{201c}{field}\u{201d}).",
    import_bad_like: "вподобання {index} у файлі некоректне.",

    unknown_theme: "Тема \u{201c}{theme}\u{201d} невідома; можливі light, dark або auto. Використано налаштування читача.",
    bad_thread: "Назву обговорення \u{201c}{thread}\u{201d} не можна використати: потрібно від 1 до {max} латинських літер, цифр, \u{201c}-\u{201d}, \u{201c}_\u{201d} або \u{201c}.\u{201d}.",
    article_unreachable: "Не вдалося завантажити статтю з {url}: сервер не відповів або не дозволяє цьому сайту читати файл (CORS).",
    article_status: "Не вдалося завантажити статтю з {url}: сервер відповів {status}.",
    article_not_json: "Не вдалося прочитати статтю з {url}: це некоректний JSON (рядок {line}, позиція {column}).",
    article_missing: "Статтю з {url} не вдалося використати: у ній немає поля \u{201c}{field}\u{201d}.",
    article_wrong_type: "Статтю з {url} не вдалося використати: поле \u{201c}{field}\u{201d} має не той тип, що вимагає формат статті.",
    article_empty: "Статтю з {url} не вдалося використати: поле \u{201c}{field}\u{201d} порожнє.",
    article_bad_comment: "Статтю з {url} не вдалося використати: у коментарі {index} порожнє поле \u{201c}author\u{201d} або \u{201c}text\u{201d}.",

    #[cfg(any(feature = "relays", test))]
    bad_relay: "Реле \u{201c}{relay}\u{201d} не можна використати: потрібні адреси wss:// (ws:// лише на цьому комп\u{2019}ютері).",
    #[cfg(any(feature = "relays", test))]
    bad_moderator: "Ключ модератора \u{201c}{key}\u{201d} не можна використати: потрібен публічний ключ із 64 шістнадцяткових цифр.",
    #[cfg(any(feature = "relays", test))]
    bad_pow: "Доказ роботи \u{201c}{pow}\u{201d} не можна використати: потрібне число бітів від 0 до 28.",

    local_only: "Коментарі залишаються в цьому браузері: ніхто інший їх не бачить.",
    #[cfg(any(feature = "relays", test))]
    shared_publicly: "Коментарі публічні: вони підписані ключем, що зберігається в цьому браузері, і надходять усім читачам через реле Nostr.",
    #[cfg(any(feature = "relays", test))]
    delivery_local: "Лише в цьому браузері",
    #[cfg(any(feature = "relays", test))]
    delivery_waiting: "Очікує надсилання",
    #[cfg(any(feature = "relays", test))]
    delivery_sent: Forms {
        one: Some("Надіслано на {sent} з {n} реле"),
        few: Some("Надіслано на {sent} з {n} реле"),
        many: Some("Надіслано на {sent} з {n} реле"),
        ..Forms::other("Надіслано на {sent} з {n} реле")
    },
    #[cfg(any(feature = "relays", test))]
    delivery_refused: "Відхилено {relay}: {reason}",
    #[cfg(any(feature = "relays", test))]
    delivery_hidden: "Модератор приховав цей коментар від інших читачів",
    #[cfg(any(feature = "relays", test))]
    edit_shared: "Інші читачі побачать зміну як новий коментар: першу версію буде видалено з реле.",
    #[cfg(any(feature = "relays", test))]
    export_key: "Додати мій ключ підпису",
    #[cfg(any(feature = "relays", test))]
    export_key_warning: "Будь-хто з цим файлом зможе публікувати від вашого імені. Зберігайте його в таємниці.",
};
