-- Notifications for a user or a group (everyone holding a role), and who has read them.

-- Written once, never updated. The recipient is a kind (USER or GROUP) and a name, so a user and a
-- group of the same name never see each other's notifications.
CREATE TABLE notification (
    id             UUID          PRIMARY KEY,
    recipient_kind VARCHAR(5)    NOT NULL,
    recipient_name VARCHAR(200)  NOT NULL,
    topic          VARCHAR(100)  NOT NULL,
    title          VARCHAR(200)  NOT NULL,
    body           VARCHAR(4000) NOT NULL,
    link           VARCHAR(1000),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CHECK (recipient_kind IN ('USER', 'GROUP'))
);

-- The inbox: a reader's own and their groups' notifications, newest first. One range of this index
-- per recipient, already in time order.
CREATE INDEX notification_inbox ON notification (recipient_kind, recipient_name, created_at);

-- Read state is per reader: a group notification read by one reviewer stays unread for the others.
-- The key answers "has this user read it" for the inbox and the unread count, and makes a second
-- mark of the same notification by the same user change nothing.
CREATE TABLE notification_read (
    notification_id UUID         NOT NULL REFERENCES notification (id) ON DELETE CASCADE,
    username        VARCHAR(200) NOT NULL,
    read_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (notification_id, username)
);
