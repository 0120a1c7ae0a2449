"""The MCDS portal: the bilingual static site, its reference pages generated from the standard and its
catalogue pages generated from the published submissions."""
