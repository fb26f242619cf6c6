"""Reading the editor's inputs (source/) into the model, checking each file as it is read."""
