//! Saving the store from the reader (and its conflicts with the file on disk),
//! quitting with unsaved changes, the `:` command line, and exporting to a file.

use super::{App, Tone};
use crate::export::Format;
use crate::store::SaveError;
use crate::tui::popup::{Ask, Field, Popup};

impl App {
    /// Ctrl-S: saves, asking what to do when the file changed on disk.
    pub(super) fn save(&mut self) -> bool {
        let Some(store) = self.store.as_mut() else {
            self.say("the annotations are still loading", Tone::Warning);
            return false;
        };
        match store.save() {
            Ok(()) => {
                let path = store
                    .path()
                    .map(|p| crate::article::sanitize_inline(&p.display().to_string()))
                    .unwrap_or_default();
                self.say(format!("saved {path}"), Tone::Info);
                true
            }
            Err(SaveError::Conflict(_)) => {
                self.open_popup(Popup::choice(
                    "The store changed on disk since it was loaded",
                    &[
                        ('r', "reload it (drop my unsaved edits)"),
                        ('o', "overwrite it with mine"),
                        ('s', "save mine elsewhere"),
                        ('c', "cancel"),
                    ],
                    Ask::Conflict,
                ));
                false
            }
            Err(SaveError::NoPath) => {
                self.open_popup(Popup::text("Save the store as", "", false, Field::SaveAs));
                false
            }
            Err(e) => {
                self.say(e.to_string(), Tone::Warning);
                false
            }
        }
    }

    /// `q`: quits, or asks first when there are unsaved edits (unless `force`).
    pub(super) fn request_quit(&mut self, force: bool) {
        let dirty = self.store.as_ref().is_some_and(|s| s.is_dirty());
        if dirty && !force {
            self.open_popup(Popup::choice(
                "Unsaved changes",
                &[
                    ('s', "save and quit"),
                    ('d', "discard them and quit"),
                    ('c', "cancel"),
                ],
                Ask::QuitUnsaved,
            ));
        } else {
            self.quit = true;
        }
    }

    /// Quits without saving. A journal that cannot be removed is left for the next
    /// start to offer again, which loses nothing; quitting goes ahead either way.
    pub(super) fn discard_and_quit(&mut self) {
        if let Some(store) = self.store.as_mut() {
            let _ = store.discard();
        }
        self.quit = true;
    }

    pub(super) fn run_command_line(&mut self, cmd: &str) {
        match cmd {
            "w" => {
                self.save();
            }
            "q" => self.request_quit(false),
            "q!" => self.discard_and_quit(),
            "wq" | "x" => {
                if self.save() {
                    self.quit = true;
                }
            }
            _ => {
                if let Some(path) = cmd.strip_prefix("w ") {
                    self.submit_text(Field::SaveAs, path.to_string());
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

    pub(super) fn export_to(&mut self, format: Format, path: &str) {
        if path.is_empty() {
            return self.say("no file name given", Tone::Info);
        }
        let result = crate::export::export(self.ann(), &self.article.text, format, false)
            .map_err(|e| e.to_string())
            .and_then(|text| {
                crate::store::fsio::write_atomic(std::path::Path::new(path), text.as_bytes())
                    .map_err(|e| e.to_string())
            });
        match result {
            Ok(()) => self.say(
                format!("exported {}", crate::article::sanitize_inline(path)),
                Tone::Info,
            ),
            Err(e) => self.say(
                format!(
                    "cannot export to {}: {e}",
                    crate::article::sanitize_inline(path)
                ),
                Tone::Warning,
            ),
        }
    }
}
