-- End-to-end test of `figcheck lsp` in a real editor: Neovim, headless.
--
--   FIGCHECK_BIN=target/debug/figcheck FIGCHECK_NVIM_OUT=out.txt \
--     nvim --headless -n -i NONE --noplugin -u NONE \
--       -c 'luafile tests/editors/nvim.lua' tests/editors/draft.md
--
-- Attaches the server to the draft, waits for its diagnostics, asks for a hover and the
-- code actions on the weekday, applies the fix (Neovim then sends an incremental
-- didChange), waits for the new diagnostics, and writes what it saw to
-- FIGCHECK_NVIM_OUT, one line each. Columns are Neovim's own: bytes of the line,
-- converted by Neovim from the server's UTF-16 positions. Exits 0, or 1 on any failure.
-- Uses only APIs Neovim 0.7 (Debian 12) has.

local out = assert(io.open(assert(os.getenv('FIGCHECK_NVIM_OUT')), 'w'))
local bufnr = vim.api.nvim_get_current_buf()

local function emit(line)
  out:write(line, '\n')
  out:flush()
end

local function diagnostics(label)
  local found = vim.diagnostic.get(bufnr)
  table.sort(found, function(a, b)
    return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col)
  end)
  for _, d in ipairs(found) do
    emit(string.format('%s %s %d:%d-%d:%d severity=%d', label, tostring(d.code),
      d.lnum, d.col, d.end_lnum, d.end_col, d.severity))
  end
  return #found
end

local function main()
  local client_id = vim.lsp.start_client({
    name = 'figcheck',
    cmd = { assert(os.getenv('FIGCHECK_BIN')), 'lsp' },
    root_dir = vim.fn.getcwd(),
    init_options = { debounceMs = 0 },
  })
  assert(client_id, 'the server did not start')
  assert(vim.lsp.buf_attach_client(bufnr, client_id), 'could not attach')
  assert(vim.wait(30000, function() return #vim.diagnostic.get(bufnr) > 0 end, 20),
    'no diagnostics within 30 s')
  local client = vim.lsp.get_client_by_id(client_id)
  emit('encoding ' .. client.offset_encoding)
  diagnostics('diagnostic')

  -- The weekday: line 4, UTF-16 character 30 (inside `Wednesday`).
  local position = { textDocument = vim.lsp.util.make_text_document_params(bufnr),
                     position = { line = 4, character = 30 } }
  local hover = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', position, 10000)
  local result = hover and hover[client_id] and hover[client_id].result
  assert(result, 'no hover')
  emit('hover ' .. vim.split(result.contents.value, '\n', true)[1])

  local range = { start = { line = 4, character = 30 }, ['end'] = { line = 4, character = 30 } }
  local answer = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', {
    textDocument = vim.lsp.util.make_text_document_params(bufnr),
    range = range,
    context = { diagnostics = {} },
  }, 10000)
  local actions = assert(answer and answer[client_id] and answer[client_id].result, 'no actions')
  for _, action in ipairs(actions) do
    emit('action ' .. action.title)
  end

  vim.lsp.util.apply_workspace_edit(actions[1].edit, client.offset_encoding)
  emit('line ' .. vim.api.nvim_buf_get_lines(bufnr, 4, 5, true)[1])
  assert(vim.wait(30000, function()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if d.code == 'weekday-mismatch' then return false end
    end
    return true
  end, 20), 'the fix was not re-checked within 30 s')
  diagnostics('fixed')
  vim.lsp.stop_client(client_id)
end

local ok, err = pcall(main)
if not ok then
  emit('error ' .. tostring(err))
end
out:close()
vim.cmd(ok and 'qall!' or 'cquit! 1')
