"""Use cases both shells call: the CLI's commands and the app's pages turn input into a call here
and the result (or an ArgmapError) into output, so a rule is written once for both."""
