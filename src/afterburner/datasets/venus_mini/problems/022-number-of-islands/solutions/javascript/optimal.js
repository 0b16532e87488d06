// optimal: iterative DFS flood fill on a flat Uint8Array with a typed-array stack, O(R*C)
var numIslands = function(grid) {
    const rows = grid.length, cols = grid[0].length, total = rows * cols;
    const land = new Uint8Array(total);
    for (let i = 0; i < rows; i++) {
        const row = grid[i];
        for (let j = 0; j < cols; j++) if (row[j] === '1') land[i * cols + j] = 1;
    }
    const stack = new Int32Array(total);
    let count = 0;
    for (let s = 0; s < total; s++) {
        if (!land[s]) continue;
        count++;
        land[s] = 0;
        let top = 0;
        stack[top++] = s;
        while (top > 0) {
            const p = stack[--top];
            const b = p % cols;
            if (p >= cols && land[p - cols]) { land[p - cols] = 0; stack[top++] = p - cols; }
            if (p + cols < total && land[p + cols]) { land[p + cols] = 0; stack[top++] = p + cols; }
            if (b > 0 && land[p - 1]) { land[p - 1] = 0; stack[top++] = p - 1; }
            if (b + 1 < cols && land[p + 1]) { land[p + 1] = 0; stack[top++] = p + 1; }
        }
    }
    return count;
};
