"""Operating a Broadsheet site: the demo, the production server, and the command line around them."""
