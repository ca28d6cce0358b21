"""The Editor page's parts (argmap/ui/pages/editor.py is the page script over them): the map
area, the side panel, the Map details form, the Table tab, and the actions they call."""
