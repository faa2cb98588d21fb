project = 'MyST options'
extensions = ['myst_parser']
# no myst_heading_anchors: "#slug" links find nothing
myst_ref_domains = ['py']
suppress_warnings = ['myst.ref']
