//! Saving the store from the reader (and its conflicts with the file on disk),
//! quitting with unsaved changes, the `:` command line, and exporting to a file.

use super::{App, Tone};
use crate::export::Format;
use crate::store::SaveError;
use crate::tui::popup::choice::Choice;
use crate::tui::popup::text::TextInput;
use crate::tui::questions::{self, SaveFailed};
use crate::tui::reply::{Ask, Field, Writing};
use crate::tui::strings;

impl App {
    /// Ctrl-S: saves, asking what to do when the file changed on disk.
    pub(super) fn save(&mut self) -> bool {
        let Some(store) = self.loading.store_mut() else {
            self.say(strings::STILL_LOADING, Tone::Warning);
            return false;
        };
        match store.save() {
            Ok(()) => {
                let path = store
                    .path()
                    .map(|p| crate::article::sanitize_inline(&p.display().to_string()))
                    .unwrap_or_default();
                self.say(strings::saved(&path), Tone::Info);
                true
            }
            Err(SaveError::Conflict(_)) => {
                self.open_popup(Choice::ask(&questions::STORE_CHANGED, Ask::Conflict));
                false
            }
            Err(SaveError::NoPath) => {
                self.open_popup(TextInput::new("Save the store as", "", Field::SaveAs));
                false
            }
            Err(e) => {
                self.save_failed(&e.to_string());
                false
            }
        }
    }

    /// A save that failed offers the ways out: save elsewhere, retry, keep editing. A
    /// read-only reader has made no edits to keep: it offers a copy elsewhere instead.
    pub(super) fn save_failed(&mut self, why: &str) {
        self.say(format!("cannot save: {why}"), Tone::Warning);
        if self
            .loading
            .store()
            .is_some_and(|s| s.read_only().is_some())
        {
            let q = &questions::READ_ONLY_SAVE;
            let title = format!("{}: {why}", q.title);
            return self.open_popup(Choice::ask_with(title, q, Ask::ReadOnlySave, |_, w| {
                Some(w.to_string())
            }));
        }
        // "keep editing" says how many edits a crash would lose, if the journal could
        // not hold them all
        let at_risk = self.loading.store().map_or(0, |s| s.edits_at_risk());
        let q = &questions::SAVE_FAILED;
        let title = format!("{}: {why}", q.title);
        self.open_popup(Choice::ask_with(title, q, Ask::SaveFailed, |a, w| {
            Some(match a {
                SaveFailed::KeepEditing => strings::keep_editing(w, at_risk),
                _ => w.to_string(),
            })
        }));
    }

    /// Asks whether to replace the file at `path` with the store, a copy or an export.
    pub(super) fn ask_replace(&mut self, path: &str, with: Writing) {
        let q = &questions::REPLACE;
        let title = format!("{} {}", crate::article::sanitize_inline(path), q.title);
        let ask = Ask::Replace {
            path: path.to_string(),
            with,
        };
        self.open_popup(Choice::ask_with(title, q, ask, |_, w| Some(w.to_string())));
    }

    /// Asks where to write a copy of a read-only store: beside it, named as a copy.
    pub(super) fn ask_copy_to(&mut self) {
        let path = self
            .loading
            .store()
            .and_then(|s| s.path())
            .map(|p| {
                let p = p.display().to_string();
                match p.strip_suffix(".parley.toml") {
                    Some(stem) => format!("{stem}.copy.parley.toml"),
                    None => format!("{p}.copy"),
                }
            })
            .unwrap_or_default();
        self.open_popup(TextInput::new("Write a copy to", &path, Field::CopyTo));
    }

    /// Asks where to save the store, starting from its own path.
    pub(super) fn ask_save_as(&mut self) {
        let path = self
            .loading
            .store()
            .and_then(|s| s.path())
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        self.open_popup(TextInput::new("Save the store as", &path, Field::SaveAs));
    }

    /// `q`: quits, or asks first when there are unsaved edits (unless `force`).
    pub(super) fn request_quit(&mut self, force: bool) {
        let dirty = self.loading.store().is_some_and(|s| s.is_dirty());
        if dirty && !force {
            self.open_popup(Choice::ask(&questions::QUIT_UNSAVED, Ask::QuitUnsaved));
        } else {
            self.quit = true;
        }
    }

    /// Quits without saving. A journal that cannot be removed is left for the next
    /// start to offer again, which loses nothing; quitting goes ahead either way.
    pub(super) fn discard_and_quit(&mut self) {
        if let Some(store) = self.loading.store_mut() {
            let _ = store.discard();
        }
        self.quit = true;
    }

    /// `:`: the command line.
    pub(super) fn open_command_line(&mut self) {
        self.open_popup(TextInput::new(":", "", Field::Command));
    }

    /// `E`: asks for the export format, offering every format export declares.
    pub(super) fn ask_export_format(&mut self) {
        let options = Format::ALL
            .into_iter()
            .map(|f| (f.key(), f.label().to_string()))
            .collect();
        self.open_popup(Choice::of(
            strings::EXPORT_AS.into(),
            options,
            Ask::ExportFormat,
        ));
    }

    /// The export format picked: asks where to write it.
    pub(super) fn answer_export_format(&mut self, c: char) {
        let Some(format) = Format::of_key(c) else {
            return;
        };
        let path = self.default_export_path(format.extension());
        let field = Field::ExportPath { format };
        self.open_popup(TextInput::new(strings::EXPORT_TO, &path, field));
    }

    pub(super) fn run_command_line(&mut self, cmd: &str) {
        match cmd {
            "w" => {
                self.save();
            }
            "q" => self.request_quit(false),
            "q!" => self.discard_and_quit(),
            "detect" => self.redetect(),
            "n" | "next" => self.step_article(1),
            "p" | "prev" => self.step_article(-1),
            "ls" => self.open_corpus_list(),
            "messages" | "mes" => {
                // opened at the newest (the view clamps the scroll)
                self.mode.push(crate::tui::app::mode::Layer::Overlay(
                    crate::tui::app::mode::Overlay::Messages(10_000),
                ));
            }
            "wq" | "x" => {
                if self.save() {
                    self.quit = true;
                }
            }
            _ => {
                if let Some(path) = cmd.strip_prefix("w ").map(str::trim) {
                    self.save_copy(std::path::Path::new(path), false);
                } else {
                    self.say(
                        format!("unknown command: {}", crate::article::sanitize_inline(cmd)),
                        Tone::Warning,
                    );
                }
            }
        }
    }

    pub(super) fn default_export_path(&self, ext: &str) -> String {
        let stem = match &self.article.source {
            crate::article::Source::File(p) => p.with_extension("").display().to_string(),
            other => {
                let s = other.to_string();
                let name = s.rsplit('/').next().unwrap_or("article").to_string();
                name.trim_end_matches(".txt").to_string()
            }
        };
        format!("{stem}.annotations.{ext}")
    }

    /// Exports to `path`, asking first when a file is there (`replace` once agreed).
    /// The article, the store and the store's journal and lock are refused before the
    /// question, as `parley export` refuses them: replacing one would lose the work.
    pub(super) fn export_to(&mut self, format: Format, path: &str, replace: bool) {
        use crate::store::guard;
        if path.is_empty() {
            return self.say(strings::NO_FILE_NAME, Tone::Info);
        }
        let target = std::path::Path::new(path);
        let article = match &self.article.source {
            crate::article::Source::File(p) => Some(p.as_path()),
            _ => None,
        };
        let store = self.loading.store().and_then(|s| s.path());
        let rules = guard::Rules {
            article,
            replace,
            follow_links: false,
            store,
        };
        let beside = article.map(crate::store::store_beside);
        let spared = store
            .into_iter()
            .chain(beside.as_deref())
            .try_for_each(|s| guard::check_spares_store(target, s));
        let result = match spared.and_then(|()| guard::check(target, rules)) {
            Err(guard::Refused::Exists(_)) => {
                return self.ask_replace(path, Writing::Export(format));
            }
            Err(refused) => Err(refused.to_string()),
            Ok(_) => crate::export::export(self.ann(), &self.article.text, format, false)
                .map_err(|e| e.to_string())
                .and_then(|text| {
                    guard::write(target, text.as_bytes(), rules).map_err(|e| e.to_string())
                }),
        };
        let shown = crate::article::sanitize_inline(path);
        match result {
            Ok(()) => self.say(strings::exported(&shown), Tone::Info),
            Err(e) => self.say(strings::no_export(&shown, &e), Tone::Warning),
        }
    }

    /// `:w PATH`: writes a copy of the store to `path` and stays on the store's own
    /// file, as vim does; an existing file is replaced only once agreed.
    pub(super) fn save_copy(&mut self, path: &std::path::Path, replace: bool) {
        if path.as_os_str().is_empty() {
            return self.say(strings::NO_FILE_NAME, Tone::Info);
        }
        let Some(store) = self.loading.store_mut() else {
            return self.say(strings::STILL_LOADING, Tone::Warning);
        };
        let shown = crate::article::sanitize_inline(&path.display().to_string());
        match store.save_copy(path, replace) {
            Ok(()) => {
                let own = store
                    .path()
                    .map(|p| crate::article::sanitize_inline(&p.display().to_string()));
                self.say(strings::wrote_copy(&shown, own.as_deref()), Tone::Info);
            }
            Err(SaveError::Refused(crate::store::guard::Refused::Exists(_))) => {
                self.ask_replace(&path.display().to_string(), Writing::Copy)
            }
            Err(e) => self.say(strings::no_copy(&e.to_string()), Tone::Warning),
        }
    }

    /// Saves the store as `path`; an existing file is replaced only once agreed.
    pub(super) fn save_as(&mut self, path: &std::path::Path, replace: bool) {
        let Some(store) = self.loading.store_mut() else {
            return;
        };
        let saved = if replace {
            store.save_as_replacing(path)
        } else {
            store.save_as(path)
        };
        let shown = crate::article::sanitize_inline(&path.display().to_string());
        match saved {
            Ok(()) => self.say(strings::saved(&shown), Tone::Info),
            Err(SaveError::Refused(crate::store::guard::Refused::Exists(_))) => {
                self.ask_replace(&path.display().to_string(), Writing::Store)
            }
            Err(e) => self.save_failed(&e.to_string()),
        }
    }
}
