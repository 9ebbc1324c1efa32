// A minimal client for `figcheck lsp`: starts the server for Markdown and plain-text
// files and leaves everything else (diagnostics, quick fixes, hovers, watching
// figcheck.toml) to the language client library and the server.
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function activate() {
  const settings = vscode.workspace.getConfiguration('figcheck');
  const server = { command: settings.get('path', 'figcheck'), args: ['lsp'] };
  const documentSelector = ['file', 'untitled'].flatMap((scheme) =>
    ['markdown', 'plaintext'].map((language) => ({ scheme, language })),
  );
  client = new LanguageClient('figcheck', 'figcheck', server, {
    documentSelector,
    initializationOptions: { debounceMs: settings.get('debounceMs', 150) },
  });
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
