// naive: repeated min-label propagation sweeps until nothing changes, O(R*C*D) for island diameter D
var numIslands = function(grid) {
    const rows = grid.length, cols = grid[0].length;
    let label = [];
    for (let i = 0; i < rows; i++) {
        const row = [];
        for (let j = 0; j < cols; j++) row.push(grid[i][j] === '1' ? i * cols + j : -1);
        label.push(row);
    }
    let changed = true;
    while (changed) {
        changed = false;
        const next = label.map(row => row.slice());
        for (let i = 0; i < rows; i++) {
            for (let j = 0; j < cols; j++) {
                const cur = label[i][j];
                if (cur < 0) continue;
                let best = cur;
                if (i > 0 && label[i - 1][j] >= 0 && label[i - 1][j] < best) best = label[i - 1][j];
                if (i + 1 < rows && label[i + 1][j] >= 0 && label[i + 1][j] < best) best = label[i + 1][j];
                if (j > 0 && label[i][j - 1] >= 0 && label[i][j - 1] < best) best = label[i][j - 1];
                if (j + 1 < cols && label[i][j + 1] >= 0 && label[i][j + 1] < best) best = label[i][j + 1];
                if (best !== cur) {
                    next[i][j] = best;
                    changed = true;
                }
            }
        }
        label = next;
    }
    let count = 0;
    for (let i = 0; i < rows; i++)
        for (let j = 0; j < cols; j++)
            if (label[i][j] === i * cols + j) count++;
    return count;
};
