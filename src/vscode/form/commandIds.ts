/** Command id of *Opsbook: Edit as Form* (`(folderUri?, kind?, id?)`, or a tree row, or the cursor's record). */
export const EDIT_AS_FORM_COMMAND = 'opsbook.editAsForm';

/** Command id of *Opsbook: Open as Table* (`(fileUri)`, a record row, `(folderUri, 'kind', kind)`, or the active file / a picked kind). */
export const OPEN_AS_TABLE_COMMAND = 'opsbook.openAsTable';
