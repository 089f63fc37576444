"""``argmap lsp``: a language server for argmap's YAML maps (pygls, LSP over
standard input and output). :mod:`.scan` finds claim ids in the text; :mod:`.server`
answers the editor."""
