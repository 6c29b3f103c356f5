import type { ItemCapabilities } from "~/domain/access/access.server";
import type { ItemBoard } from "~/realtime/events";

/** What every section of an item's board gets: the board, the table, what this viewer may do. */
export type ItemProps = { itemId: string; board: ItemBoard; tables: string[]; can: ItemCapabilities; open: boolean };
