//! Zed: run `figcheck lsp` (found on the PATH of the worktree's shell) for drafts.

use zed_extension_api::{self as zed, LanguageServerId, Result, Worktree};

struct Figcheck;

impl zed::Extension for Figcheck {
    fn new() -> Self {
        Figcheck
    }

    fn language_server_command(
        &mut self,
        _id: &LanguageServerId,
        worktree: &Worktree,
    ) -> Result<zed::Command> {
        let command = worktree
            .which("figcheck")
            .ok_or("figcheck is not on PATH: `cargo install --path .` in its repository")?;
        Ok(zed::Command {
            command,
            args: vec!["lsp".into()],
            env: Vec::new(),
        })
    }
}

zed::register_extension!(Figcheck);
