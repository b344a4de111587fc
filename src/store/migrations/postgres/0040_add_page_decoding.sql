-- How each page's bytes were decoded (issue 16): JSON {encoding, method, replaced, warning}; NULL for pages stored before.
ALTER TABLE pages ADD COLUMN decoding TEXT;
