-- An offer to another organisation can be taken back: by the owner, by closing the action, or
-- because that organisation left the item's table. Each is a line in the action's history.
ALTER TYPE "ActionUpdateKind" ADD VALUE 'TRANSFER_WITHDRAWN';
