NOTES = {}


def save(note_id, text):
    NOTES[note_id] = text
