/** Command id of *Opsbook: Edit as Form* (`(folderUri?, kind?, id?)`, or a tree row, or the cursor's record). */
export const EDIT_AS_FORM_COMMAND = 'opsbook.editAsForm';
